// Keyset cursors for the delivery log and the activity feed: newest first by
// (timestamp, id), so a page never repeats or skips a row while new ones arrive.
import { Invalid } from "../errors";

export type Keyset = { at: Date; id: string };

export function encodeCursor(cursor: Keyset): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string): Keyset {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime())) throw new Invalid("Invalid cursor", [{ path: "cursor", message: "not a cursor from this list" }]);
  return { at, id };
}

/** The where-clause for rows after `cursor` on column `column` (descending). */
export function after<C extends string>(column: C, cursor: Keyset | null) {
  if (!cursor) return {};
  return { OR: [{ [column]: { lt: cursor.at } }, { [column]: cursor.at, id: { lt: cursor.id } }] } as { OR: Record<string, unknown>[] };
}

/** Slices one extra row off a page fetched with take: limit + 1, and makes the next cursor. */
export function page<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => Date) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}
