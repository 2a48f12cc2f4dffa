import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import type { Operation } from "@/lib/openapi/group";

type Props = { method: string; path: string; operation: Operation };

/** One operation: method and path, who may call it, parameters and request body schema. */
export function OperationCard({ method, path, operation }: Props) {
  const body = operation.requestBody?.content["application/json"].schema;
  return (
    <Card data-testid="api-operation">
      <CardHeader className="pb-3">
        <div className="flex items-center gap-2 font-mono text-sm">
          <span className="rounded bg-muted px-1.5 py-0.5 font-semibold">{method}</span>
          <span>{path}</span>
        </div>
        <CardDescription>{operation.description}</CardDescription>
      </CardHeader>
      {operation.parameters.length > 0 || body ? (
        <CardContent className="flex flex-col gap-3 text-sm">
          {operation.parameters.length > 0 ? (
            <table className="w-full text-left">
              <thead className="text-muted-foreground">
                <tr>
                  <th className="font-medium">Parameter</th>
                  <th className="font-medium">In</th>
                  <th className="font-medium">Required</th>
                  <th className="font-medium">Schema</th>
                </tr>
              </thead>
              <tbody className="font-mono">
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`}>
                    <td>{parameter.name}</td>
                    <td>{parameter.in}</td>
                    <td>{parameter.required ? "yes" : "no"}</td>
                    <td className="break-all">{JSON.stringify(parameter.schema)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {body ? (
            <details>
              <summary className="cursor-pointer text-muted-foreground">Request body (application/json)</summary>
              <pre className="mt-2 overflow-x-auto rounded bg-muted p-3 text-xs">{JSON.stringify(body, null, 2)}</pre>
            </details>
          ) : null}
        </CardContent>
      ) : null}
    </Card>
  );
}
