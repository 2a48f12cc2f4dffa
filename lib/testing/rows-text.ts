// Database rows as one searchable text, for "no secret in the stored rows" assertions.
// Audit events carry a BigInt chain sequence, which JSON.stringify refuses.
export function rowsText(rows: unknown): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}
