import type { Operation } from "@/lib/openapi/group";
import { Markdown } from "./markdown";
import { MethodBadge } from "./method-badge";
import { constraints, SchemaView, typeLabel, type Resolve, type Schema } from "./schema-view";

type Props = { method: string; path: string; operation: Operation; resolve: Resolve };

const AUTH_LABELS: Record<string, string> = { sessionCookie: "Session", apiKey: "API key" };

function statusTone(status: string): string {
  if (status.startsWith("2")) return "text-emerald-700 dark:text-emerald-400";
  if (status.startsWith("4")) return "text-amber-700 dark:text-amber-400";
  return "text-red-700 dark:text-red-400";
}

/** One operation: method and path, who may call it, parameters, request body and responses. */
export function OperationCard({ method, path, operation, resolve }: Props) {
  const body = operation.requestBody?.content["application/json"].schema as Schema | undefined;
  const anchor = `op-${operation.operationId}`;
  const auth = operation.security.flatMap((entry) => Object.keys(entry)).map((key) => AUTH_LABELS[key] ?? key);
  const responses = Object.entries(operation.responses) as [string, { description: string; content?: Record<string, { schema?: Schema }> }][];
  return (
    <article id={anchor} data-testid="api-operation" className="group scroll-mt-20 rounded-xl border border-border bg-background shadow-xs">
      <header className="flex flex-col gap-2 border-b border-border px-4 py-3 sm:px-5">
        <div className="flex min-w-0 items-center gap-3">
          <MethodBadge method={method} />
          <h3 className="min-w-0 break-all font-mono text-sm font-medium">{path}</h3>
          <a href={`#${anchor}`} aria-label={`Link to ${method} ${path}`} className="ml-auto shrink-0 rounded px-1 text-muted-foreground opacity-60 hover:bg-muted hover:text-foreground group-hover:opacity-100">
            #
          </a>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-xs">
          {auth.length === 0 ? (
            <span className="rounded-full border border-border px-2 py-0.5 text-muted-foreground">No authentication</span>
          ) : (
            auth.map((label) => (
              <span key={label} className="rounded-full border border-border px-2 py-0.5 text-muted-foreground">
                {label}
              </span>
            ))
          )}
        </div>
        <Markdown source={operation.description} className="text-muted-foreground" />
      </header>
      <div className="flex flex-col gap-4 px-4 py-3 text-sm sm:px-5">
        {operation.parameters.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-muted-foreground">
                <tr>
                  <th className="py-1 pr-3 font-medium">Parameter</th>
                  <th className="py-1 pr-3 font-medium">In</th>
                  <th className="py-1 pr-3 font-medium">Required</th>
                  <th className="py-1 font-medium">Type</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {operation.parameters.map((parameter) => {
                  const schema = parameter.schema as Schema;
                  return (
                    <tr key={`${parameter.in}-${parameter.name}`} className="align-top">
                      <td className="py-1.5 pr-3 font-mono text-xs font-semibold">{parameter.name}</td>
                      <td className="py-1.5 pr-3 text-xs text-muted-foreground">{parameter.in}</td>
                      <td className="py-1.5 pr-3 text-xs">{parameter.required ? "yes" : "no"}</td>
                      <td className="py-1.5 font-mono text-xs">
                        <span className="break-all">{typeLabel(schema)}</span>
                        {constraints(schema).length > 0 && <span className="block break-all text-muted-foreground">{constraints(schema).join(", ")}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {body && (
          <details className="group/body rounded-lg border border-border" data-testid="request-body">
            <summary className="cursor-pointer select-none px-3 py-2 font-medium hover:bg-muted">
              Request body <span className="font-normal text-muted-foreground">application/json</span>
            </summary>
            <div className="border-t border-border p-3">
              <SchemaView schema={body} resolve={resolve} />
            </div>
          </details>
        )}
        <details className="rounded-lg border border-border" data-testid="responses">
          <summary className="cursor-pointer select-none px-3 py-2 font-medium hover:bg-muted">
            Responses <span className="font-normal text-muted-foreground">{responses.map(([status]) => status).join(" · ")}</span>
          </summary>
          <ul className="divide-y divide-border border-t border-border">
            {responses.map(([status, response]) => {
              const schema = response.content?.["application/json"]?.schema;
              return (
                <li key={status} className="flex flex-col gap-2 px-3 py-2" data-testid="response" data-status={status}>
                  <div className="flex items-baseline gap-3">
                    <span className={`w-10 shrink-0 font-mono text-xs font-bold ${statusTone(status)}`}>{status}</span>
                    <Markdown source={response.description} />
                  </div>
                  {schema?.$ref ? (
                    // A shared schema (every error response is one) is drawn once, at the end of the page: expanded under
                    // each of the ~1,000 responses that use it, it was two thirds of a 3.5 MB page.
                    <p className="ml-[3.25rem] text-xs text-muted-foreground">
                      Schema:{" "}
                      <a href={`#schema-${typeLabel(schema)}`} className="font-mono text-foreground underline underline-offset-4">
                        {typeLabel(schema)}
                      </a>
                    </p>
                  ) : schema ? (
                    <details className="ml-[3.25rem]">
                      <summary className="cursor-pointer select-none text-xs text-muted-foreground hover:text-foreground">Schema: {typeLabel(schema)}</summary>
                      <div className="mt-2">
                        <SchemaView schema={schema} resolve={resolve} />
                      </div>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </details>
      </div>
    </article>
  );
}
