// Creating, listing and revoking an org's API keys. A key's scopes are a subset of its
// creator's permissions at creation; at use time they are intersected again with the
// creator's current role (lib/api-keys/access.ts), so a demotion narrows existing keys.
import "server-only";
import { recordAudit } from "../audit/record";
import { permissionsOf } from "../authz/permissions";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { Forbidden, NotFound } from "../errors";
import { generateApiKey } from "./key-format";
import type { CreateApiKeyInput } from "./schemas";

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
  createdAt: Date;
  createdById: string | null;
};

/** What lists show: never the hash, never the key. */
function present(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    lastUsedIp: row.lastUsedIp,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
    createdById: row.createdById,
  };
}

export type ApiKeyItem = ReturnType<typeof present>;

export async function listApiKeys(orgId: string): Promise<{ items: ApiKeyItem[] }> {
  const rows = await getDb().apiKey.findMany({ where: { orgId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
  return { items: rows.map(present) };
}

/** Creates a key and returns it once, in clear; only its hash is kept. */
export async function createApiKey(ctx: OrgContext, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyItem; key: string }> {
  const held = permissionsOf(ctx.role);
  const beyond = input.scopes.filter((scope) => !held.has(scope));
  if (beyond.length > 0) throw new Forbidden(`A key cannot have permissions you do not hold: ${beyond.join(", ")}`);
  const { key, prefix, keyHash } = generateApiKey();
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { orgId: ctx.org.id, createdById: ctx.actor.userId, name: input.name, prefix, keyHash, scopes: input.scopes, expiresAt: input.expiresAt ?? null },
    });
    await recordAudit(tx, {
      ...auditFields(ctx),
      action: "api_key.created",
      targetType: "api_key",
      targetId: row.id,
      metadata: { name: row.name, prefix, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return { apiKey: present(row), key };
  });
}

export async function revokeApiKey(ctx: OrgContext, keyId: string): Promise<ApiKeyItem> {
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiKey.findFirst({ where: { id: keyId, orgId: ctx.org.id } });
    if (!row) throw new NotFound("API key");
    if (row.revokedAt) return present(row);
    const revoked = await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { ...auditFields(ctx), action: "api_key.revoked", targetType: "api_key", targetId: row.id, metadata: { name: row.name, prefix: row.prefix } });
    return present(revoked);
  });
}
