// Streams an org's audit log as CSV or JSON Lines. The stream pulls one batch at a
// time along the keyset cursor, so memory stays flat and a slow client slows the
// queries down instead of piling rows up (fine with millions of events).
import "server-only";
import { getDb } from "../db";
import { AUDIT_ORDER, auditWhere, type AuditCursor } from "./query";
import type { AuditFilters } from "./schemas";

const BATCH = 2_000;
const COLUMNS = ["id", "createdAt", "action", "actorId", "actorType", "targetType", "targetId", "ip", "userAgent", "requestId", "metadata"] as const;

type Row = Record<(typeof COLUMNS)[number], unknown>;

/** CSV cell: quoted, quotes doubled, and formula-looking text neutralised for spreadsheets. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function line(row: Row, format: "csv" | "jsonl"): string {
  if (format === "jsonl") return `${JSON.stringify(Object.fromEntries(COLUMNS.map((column) => [column, row[column] ?? null])))}\n`;
  return `${COLUMNS.map((column) => csvCell(row[column])).join(",")}\n`;
}

export function exportAuditEvents(orgId: string, filters: AuditFilters, format: "csv" | "jsonl"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: AuditCursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === "csv") controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\n`));
      started = true;
      const rows = await getDb().auditEvent.findMany({ where: auditWhere(orgId, filters, after), orderBy: AUDIT_ORDER, take: BATCH });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((row) => line(row, format)).join("")));
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) controller.close();
      else after = { createdAt: last.createdAt, id: last.id };
    },
  });
}
