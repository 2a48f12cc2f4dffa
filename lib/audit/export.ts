// Streams an org's audit log as CSV or JSON Lines. The stream pulls one batch at a
// time along a keyset cursor, so memory stays flat and a slow client slows the queries
// down instead of piling rows up. Plain SQL on the pool rather than Prisma here: an
// export reads millions of rows, and skipping the ORM's per-row work makes it several
// times faster (see bench/audit-export.ts).
import "server-only";
import { getPool } from "../db";
import type { ResolvedAuditFilters } from "./schemas";

const BATCH = 2_000;
const COLUMNS = ["id", "createdAt", "action", "actorId", "actorType", "targetType", "targetId", "ip", "userAgent", "requestId", "metadata"] as const;

type Row = Record<(typeof COLUMNS)[number], unknown> & { cursorAt: string };
type Cursor = { at: string; id: string };

/** CSV cell: quoted, quotes doubled, and formula-looking text neutralised for spreadsheets. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function line(row: Row, format: "csv" | "jsonl"): string {
  if (format === "jsonl") return `${JSON.stringify(Object.fromEntries(COLUMNS.map((column) => [column, row[column] ?? null])))}\n`;
  return `${COLUMNS.map((column) => csvCell(row[column])).join(",")}\n`;
}

/** The same filters as the list (lib/audit/query.ts), as SQL with parameters. */
export function auditExportQuery(orgId: string, filters: ResolvedAuditFilters, after: Cursor | null): { text: string; values: unknown[] } {
  const values: unknown[] = [orgId];
  const where = [`"orgId" = $1`];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    where.push(sql(`$${values.length}`));
  };
  if (filters.actorId) add((p) => `"actorId" = ${p}`, filters.actorId);
  if (filters.action?.endsWith(".*")) add((p) => `starts_with(action, ${p})`, filters.action.slice(0, -1));
  else if (filters.action) add((p) => `action = ${p}`, filters.action);
  if (filters.targetType) add((p) => `"targetType" = ${p}`, filters.targetType);
  if (filters.targetId) add((p) => `"targetId" = ${p}`, filters.targetId);
  if (filters.actorIds) add((p) => `"actorId" = ANY(${p}::text[])`, filters.actorIds);
  if (filters.targetIds) add((p) => `"targetId" = ANY(${p}::text[])`, filters.targetIds);
  if (filters.from) add((p) => `"createdAt" >= ${p}::timestamptz AT TIME ZONE 'UTC'`, filters.from.toISOString());
  if (filters.to) add((p) => `"createdAt" <= ${p}::timestamptz AT TIME ZONE 'UTC'`, filters.to.toISOString());
  if (after) {
    values.push(after.at, after.id);
    where.push(`("createdAt", id) < ($${values.length - 1}::timestamp(3), $${values.length})`);
  }
  // Timestamps are stored as UTC without a zone; formatted in SQL so the server's time
  // zone never shifts them.
  const text = `
    SELECT id, to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
           to_char("createdAt", 'YYYY-MM-DD HH24:MI:SS.MS') AS "cursorAt",
           action, "actorId", "actorType", "targetType", "targetId", ip, "userAgent", "requestId", metadata
    FROM "AuditEvent" AS e WHERE ${where.join(" AND ")}
    -- Qualified: the bare name would sort by the formatted output column, not the index.
    ORDER BY e."createdAt" DESC, e.id DESC LIMIT ${BATCH}`;
  return { text, values };
}

export function exportAuditEvents(orgId: string, filters: ResolvedAuditFilters, format: "csv" | "jsonl"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === "csv") controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\n`));
      started = true;
      const { rows } = await getPool().query<Row>(auditExportQuery(orgId, filters, after));
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((row) => line(row, format)).join("")));
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) controller.close();
      else after = { at: last.cursorAt, id: last.id as string };
    },
  });
}
