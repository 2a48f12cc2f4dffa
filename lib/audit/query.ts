// Reading the audit log: filtered, newest first, paginated by a keyset cursor on
// (created at, id), which the export also walks batch by batch. Rows come back with the
// people, keys and objects they name, so the console shows names rather than ids.
import "server-only";
import { getDb } from "../db";
import { Invalid } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { AuditFilters, ResolvedAuditFilters } from "./schemas";

export type AuditCursor = { createdAt: Date; id: string };

/** At most this many ids a name filter expands to: a search, not a bulk listing. */
const MATCH_LIMIT = 500;

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeAuditCursor(value: string): AuditCursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new Invalid("Invalid cursor", [{ path: "cursor", message: "not a cursor from this list" }]);
  return { createdAt, id };
}

const contains = (query: string) => ({ contains: query, mode: "insensitive" as const });

async function usersMatching(query: string): Promise<string[]> {
  const users = await getDb().user.findMany({ where: { OR: [{ email: contains(query) }, { name: contains(query) }] }, select: { id: true }, take: MATCH_LIMIT });
  return users.map((user) => user.id);
}

/**
 * Turns the free-text `actor` and `target` filters into the ids they match: people by
 * name or email; for targets also the org's secrets by key and API keys by name or
 * prefix, and the text itself as an id. The list and the export share this.
 */
export async function resolveAuditFilters(orgId: string, filters: AuditFilters): Promise<ResolvedAuditFilters> {
  const { actor, target, ...rest } = filters;
  const resolved: ResolvedAuditFilters = { ...rest };
  if (actor) resolved.actorIds = [actor, ...(await usersMatching(actor))];
  if (target) {
    const [users, secrets, keys] = await Promise.all([
      usersMatching(target),
      getDb().secret.findMany({ where: { orgId, key: contains(target) }, select: { id: true }, take: MATCH_LIMIT }),
      getDb().apiKey.findMany({ where: { orgId, OR: [{ name: contains(target) }, { prefix: { startsWith: target } }] }, select: { id: true }, take: MATCH_LIMIT }),
    ]);
    resolved.targetIds = [target, ...users, ...secrets.map((row) => row.id), ...keys.map((row) => row.id)];
  }
  return resolved;
}

export function auditWhere(orgId: string, filters: ResolvedAuditFilters, after?: AuditCursor | null): Prisma.AuditEventWhereInput {
  const action = filters.action?.endsWith(".*") ? { startsWith: filters.action.slice(0, -1) } : filters.action;
  const and: Prisma.AuditEventWhereInput[] = [];
  // Both given: an event must match each (an id and a name search narrow together).
  if (filters.actorId) and.push({ actorId: filters.actorId });
  if (filters.actorIds) and.push({ actorId: { in: filters.actorIds } });
  if (filters.targetId) and.push({ targetId: filters.targetId });
  if (filters.targetIds) and.push({ targetId: { in: filters.targetIds } });
  if (after) and.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
  return {
    orgId,
    ...(action ? { action } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {}),
    ...(and.length > 0 ? { AND: and } : {}),
  };
}

export const AUDIT_ORDER: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

type Person = { id: string; name: string | null; email: string };
type KeyRef = { id: string; name: string; prefix: string; createdById: string | null };
/** What an event's target is called in the console; null when only its id is known. */
export type AuditTarget = { label: string; detail: string | null } | null;

function metadataOf(row: { metadata: Prisma.JsonValue }): Record<string, unknown> {
  return row.metadata && typeof row.metadata === "object" && !Array.isArray(row.metadata) ? (row.metadata as Record<string, unknown>) : {};
}

export async function listAuditEvents(orgId: string, options: ResolvedAuditFilters & { cursor?: string; limit: number }) {
  const after = options.cursor ? decodeAuditCursor(options.cursor) : null;
  const rows = await getDb().auditEvent.findMany({ where: auditWhere(orgId, options, after), orderBy: AUDIT_ORDER, take: options.limit + 1, omit: { prevHash: true } });
  const page = rows.slice(0, options.limit);

  const keyIds = new Set<string>();
  const userIds = new Set<string>();
  const secretIds = new Set<string>();
  for (const row of page) {
    if (row.actorId) userIds.add(row.actorId);
    const keyId = metadataOf(row).apiKeyId;
    if (row.actorType === "api_key" && typeof keyId === "string") keyIds.add(keyId);
    if (row.targetId && row.targetType === "user") userIds.add(row.targetId);
    if (row.targetId && row.targetType === "api_key") keyIds.add(row.targetId);
    if (row.targetId && row.targetType === "secret") secretIds.add(row.targetId);
  }
  const [keys, secrets, org] = await Promise.all([
    getDb().apiKey.findMany({ where: { orgId, id: { in: [...keyIds] } }, select: { id: true, name: true, prefix: true, createdById: true } }),
    getDb().secret.findMany({ where: { orgId, id: { in: [...secretIds] } }, select: { id: true, key: true } }),
    page.some((row) => row.targetType === "org") ? getDb().organization.findUnique({ where: { id: orgId }, select: { name: true } }) : null,
  ]);
  for (const key of keys) if (key.createdById) userIds.add(key.createdById);
  const users = await getDb().user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true } });
  const userById = new Map<string, Person>(users.map((user) => [user.id, user]));
  const keyById = new Map<string, KeyRef>(keys.map((key) => [key.id, key]));
  const secretById = new Map(secrets.map((secret) => [secret.id, secret.key]));

  const targetOf = (row: (typeof page)[number]): AuditTarget => {
    const metadata = metadataOf(row);
    if (!row.targetId) return null;
    if (row.targetType === "user") {
      const user = userById.get(row.targetId);
      if (user) return { label: user.name ?? user.email, detail: user.email };
    }
    if (row.targetType === "api_key") {
      const key = keyById.get(row.targetId);
      if (key) return { label: key.name, detail: `${key.prefix}…` };
    }
    if (row.targetType === "secret") {
      const key = secretById.get(row.targetId) ?? (typeof metadata.key === "string" ? metadata.key : null);
      if (key) return { label: key, detail: null };
    }
    // The org itself (org.created, settings changes): its name today, not its id.
    if (row.targetType === "org" && row.targetId === orgId && org) return { label: org.name, detail: null };
    // Deleted objects and other kinds: the name the event recorded, if any.
    for (const field of ["name", "email", "domain", "key"]) if (typeof metadata[field] === "string") return { label: metadata[field] as string, detail: null };
    return null;
  };

  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const keyId = metadataOf(row).apiKeyId;
      const key = row.actorType === "api_key" && typeof keyId === "string" ? keyById.get(keyId) : undefined;
      return {
        ...row,
        // seq is a bigint column; JSON has no bigint, and a chain stays far below 2^53.
        seq: row.seq === null ? null : Number(row.seq),
        actor: row.actorId ? (userById.get(row.actorId) ?? null) : null,
        /** The key an api_key actor used, with its creator (the event's actorId). */
        apiKey: key ? { id: key.id, name: key.name, prefix: key.prefix } : row.actorType === "api_key" && typeof keyId === "string" ? { id: keyId, name: null, prefix: null } : null,
        target: targetOf(row),
      };
    }),
    nextCursor: rows.length > options.limit && last ? encodeAuditCursor(last) : null,
  };
}
