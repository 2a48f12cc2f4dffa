import type { Metadata } from "next";
import { OperationCard } from "@/components/api-reference/operation-card";
import { requirePageUser } from "@/lib/orgs/console-access";
import { openApiDocument } from "@/lib/openapi/document";
import { groupByTag } from "@/lib/openapi/group";

export const metadata: Metadata = { title: "API reference" };

/** The OpenAPI document rendered on the server: no client script, nothing from a CDN. */
export default async function ApiReferencePage() {
  await requirePageUser("api-reference");
  const document = openApiDocument();
  const groups = groupByTag(document);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
        <p className="text-sm text-muted-foreground">
          {document.info.title} {document.info.version}, generated from the schemas each route validates with. Machine-readable:{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          . Authenticate with the session cookie or <code>Authorization: Bearer &lt;API key&gt;</code>.
        </p>
      </header>
      <nav aria-label="Tags" className="flex flex-wrap gap-2 text-sm">
        {groups.map((group) => (
          <a key={group.tag} href={`#tag-${group.tag}`} className="rounded border border-border px-2 py-1 hover:bg-muted">
            {group.tag}
          </a>
        ))}
      </nav>
      {groups.map((group) => (
        <section key={group.tag} id={`tag-${group.tag}`} aria-labelledby={`tag-${group.tag}-title`} className="flex flex-col gap-3">
          <h2 id={`tag-${group.tag}-title`} className="text-lg font-semibold capitalize">
            {group.tag}
          </h2>
          {group.operations.map((op) => (
            <OperationCard key={op.operation.operationId} method={op.method} path={op.path} operation={op.operation} />
          ))}
        </section>
      ))}
    </div>
  );
}
