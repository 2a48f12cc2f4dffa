// Reading the audit log: filtered, newest first, paginated by a keyset cursor on
// (created at, id), which the export also walks batch by batch.
import "server-only";
import { getDb } from "../db";
import { Invalid } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { AuditFilters } from "./schemas";

export type AuditCursor = { createdAt: Date; id: string };

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeAuditCursor(value: string): AuditCursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new Invalid("Invalid cursor", [{ path: "cursor", message: "not a cursor from this list" }]);
  return { createdAt, id };
}

export function auditWhere(orgId: string, filters: AuditFilters, after?: AuditCursor | null): Prisma.AuditEventWhereInput {
  const action = filters.action?.endsWith(".*") ? { startsWith: filters.action.slice(0, -1) } : filters.action;
  return {
    orgId,
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(action ? { action } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {}),
    ...(after ? { AND: [{ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : {}),
  };
}

export const AUDIT_ORDER: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

export async function listAuditEvents(orgId: string, options: AuditFilters & { cursor?: string; limit: number }) {
  const after = options.cursor ? decodeAuditCursor(options.cursor) : null;
  const rows = await getDb().auditEvent.findMany({ where: auditWhere(orgId, options, after), orderBy: AUDIT_ORDER, take: options.limit + 1, omit: { prevHash: true } });
  const page = rows.slice(0, options.limit);
  const actorIds = [...new Set(page.map((row) => row.actorId).filter((id): id is string => Boolean(id)))];
  const actors = await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  const last = page.at(-1);
  return {
    // seq is a bigint column; JSON has no bigint, and a chain stays far below 2^53.
    items: page.map((row) => ({ ...row, seq: row.seq === null ? null : Number(row.seq), actor: row.actorId ? (byId.get(row.actorId) ?? null) : null })),
    nextCursor: rows.length > options.limit && last ? encodeAuditCursor(last) : null,
  };
}
