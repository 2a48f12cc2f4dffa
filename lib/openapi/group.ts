// Operations grouped by tag, in path order, for the API reference page.
import type { OpenApiDocument } from "./document";

export type Operation = OpenApiDocument["paths"][string][string];
export type TaggedOperation = { method: string; path: string; operation: Operation };

export function groupByTag(document: OpenApiDocument): { tag: string; operations: TaggedOperation[] }[] {
  const groups = new Map<string, TaggedOperation[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags[0] ?? "api";
      groups.set(tag, [...(groups.get(tag) ?? []), { method: method.toUpperCase(), path, operation }]);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, operations]) => ({ tag, operations }));
}
