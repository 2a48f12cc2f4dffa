import type { Metadata } from "next";
import { OperationCard } from "@/components/api-reference/operation-card";
import { SchemaView, type Schema } from "@/components/api-reference/schema-view";
import { Input } from "@/components/ui/input";
import { requirePageUser } from "@/lib/orgs/console-access";
import { openApiDocument } from "@/lib/openapi/document";
import { groupByTag, type TaggedOperation } from "@/lib/openapi/group";

export const metadata: Metadata = { title: "API reference" };

type Query = { tag?: string | string[]; q?: string | string[] };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");

/** Whether an operation matches the search words (path, method, permission, description). */
function matches(op: TaggedOperation, words: string[]): boolean {
  const haystack = [op.method, op.path, op.operation.operationId, op.operation.description, op.operation["x-bastion-permission"] ?? ""].join(" ").toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/**
 * The OpenAPI document rendered on the server: no client script, nothing from a CDN. The
 * tag and the search are in the URL (?tag=members&q=invite), so a filtered view is a link.
 */
export default async function ApiReferencePage({ searchParams }: { searchParams: Promise<Query> }) {
  await requirePageUser("api-reference");
  const query = await searchParams;
  const document = openApiDocument();
  const all = groupByTag(document);
  const tag = all.some((group) => group.tag === one(query.tag)) ? one(query.tag) : "";
  const q = one(query.q).slice(0, 100);
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = all
    .filter((group) => !tag || group.tag === tag)
    .map((group) => ({ ...group, operations: group.operations.filter((op) => matches(op, words)) }))
    .filter((group) => group.operations.length > 0);
  const shown = groups.reduce((count, group) => count + group.operations.length, 0);
  const schemas = (document.components.schemas ?? {}) as Record<string, Schema>;
  const resolve = (ref: string) => schemas[ref.replace(/^#\/components\/schemas\//, "")];
  const href = (next: { tag?: string; q?: string }) => {
    const params = new URLSearchParams();
    if (next.tag) params.set("tag", next.tag);
    if (next.q) params.set("q", next.q);
    const search = params.toString();
    return search ? `/api-reference?${search}` : "/api-reference";
  };
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-xs font-medium transition-colors ${active ? "border-foreground bg-foreground text-background" : "border-border text-muted-foreground hover:bg-muted hover:text-foreground"}`;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
        <p className="text-sm text-muted-foreground">
          {document.info.title} {document.info.version}, generated from the schemas each route validates with. Machine-readable:{" "}
          <a className="font-medium text-foreground underline underline-offset-4" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          . Authenticate with the session cookie or <code className="rounded bg-muted px-1 font-mono text-xs">Authorization: Bearer &lt;API key&gt;</code>.
        </p>
      </header>
      <div className="flex flex-col gap-3 rounded-xl border border-border bg-background p-4 shadow-xs">
        <form method="get" action="/api-reference" role="search" className="flex gap-2">
          {tag && <input type="hidden" name="tag" value={tag} />}
          <Input name="q" type="search" defaultValue={q} placeholder="Search paths, methods, permissions…" aria-label="Search operations" className="flex-1" />
          <button type="submit" className="h-9 shrink-0 rounded-md border border-border px-3 text-sm font-medium hover:bg-muted">
            Search
          </button>
        </form>
        <nav aria-label="Tags" className="flex flex-wrap gap-1.5">
          <a href={href({ q })} className={chip(!tag)} aria-current={!tag ? "page" : undefined}>
            All
          </a>
          {all.map((group) => (
            <a key={group.tag} href={href({ tag: group.tag, q })} className={chip(group.tag === tag)} aria-current={group.tag === tag ? "page" : undefined}>
              {group.tag}
            </a>
          ))}
        </nav>
        <p className="text-xs text-muted-foreground" data-testid="operation-count">
          {shown} {shown === 1 ? "operation" : "operations"}
          {tag && <> tagged {tag}</>}
          {q && <> matching “{q}”</>}
          {(tag || q) && (
            <>
              {" · "}
              <a href="/api-reference" className="underline underline-offset-4 hover:text-foreground">
                clear
              </a>
            </>
          )}
        </p>
      </div>
      {groups.length === 0 && <p className="rounded-xl border border-dashed border-border p-8 text-center text-sm text-muted-foreground">No operation matches; try fewer words or another tag.</p>}
      {groups.map((group) => (
        <section key={group.tag} id={`tag-${group.tag}`} aria-labelledby={`tag-${group.tag}-title`} className="flex scroll-mt-20 flex-col gap-3">
          <h2 id={`tag-${group.tag}-title`} className="text-lg font-semibold capitalize tracking-tight">
            {group.tag}
          </h2>
          {group.operations.map((op) => (
            <OperationCard key={op.operation.operationId} method={op.method} path={op.path} operation={op.operation} resolve={resolve} />
          ))}
        </section>
      ))}
      <section id="schemas" aria-labelledby="schemas-title" className="flex scroll-mt-20 flex-col gap-3">
        <h2 id="schemas-title" className="text-lg font-semibold tracking-tight">
          Shared schemas
        </h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <article key={name} id={`schema-${name}`} data-testid="shared-schema" className="flex scroll-mt-20 flex-col gap-3 rounded-xl border border-border bg-background p-4 shadow-xs sm:px-5">
            <h3 className="font-mono text-sm font-medium">{name}</h3>
            <SchemaView schema={schema} resolve={resolve} />
          </article>
        ))}
      </section>
    </div>
  );
}
