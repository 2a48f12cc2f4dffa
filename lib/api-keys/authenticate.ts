// The pipeline's API-key authenticator: `Authorization: Bearer bst_…`. A bearer
// credential that is malformed, unknown, revoked or expired answers 401 (never falling
// back to a session). Last use is written at most once a minute per key.
import "server-only";
import { clientIp } from "../auth/request-meta";
import { hashToken } from "../auth/tokens";
import { getDb, getPool } from "../db";
import { Unauthorized } from "../errors";
import type { Actor } from "../http/authenticate";
import { recordApiKeyDenial } from "./denials";
import { KEY_PATTERN, bearerToken } from "./key-format";

const TOUCH_INTERVAL_MS = 60_000;

export async function apiKeyAuthenticator(request: Request): Promise<Actor | null> {
  const token = bearerToken(request);
  if (token === null) return null;
  if (!KEY_PATTERN.test(token)) throw new Unauthorized("Invalid API key");
  const key = await findKeyByHash(hashToken(token));
  if (!key) throw new Unauthorized("Invalid API key");
  if (key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) {
    await recordApiKeyDenial(request, key, key.revokedAt ? "revoked" : "expired");
    throw new Unauthorized("This API key has been revoked or has expired");
  }
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) await touchLastUsed(key.id, clientIp(request));
  const org = key.orgSlug ? { slug: key.orgSlug, creatorRole: key.creatorRole } : null;
  return { kind: "apiKey", apiKeyId: key.id, orgId: key.orgId, userId: key.createdById, scopes: key.scopes, org };
}

type KeyRow = {
  id: string;
  orgId: string;
  createdById: string | null;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** Null when the org is deleted. */
  orgSlug: string | null;
  creatorRole: string | null;
};

/**
 * Plain SQL, as every API-key request runs it (npm run bench:api); UTC as Prisma stores
 * it. The key's org and its creator's current role come along, so resolving the org in
 * the next step of the pipeline needs no query of its own.
 */
async function findKeyByHash(keyHash: string): Promise<KeyRow | null> {
  const { rows } = await getPool().query<KeyRow>(
    `SELECT k.id, k."orgId", k."createdById", k.scopes, k."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
            k."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", k."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt",
            o.slug AS "orgSlug", m.role AS "creatorRole"
     FROM "ApiKey" k
     LEFT JOIN "Organization" o ON o.id = k."orgId" AND o."deletedAt" IS NULL
     LEFT JOIN "Membership" m ON m."orgId" = k."orgId" AND m."userId" = k."createdById"
     WHERE k."keyHash" = $1`,
    [keyHash],
  );
  return rows[0] ?? null;
}

/**
 * Conditional, so concurrent requests of one key (or several processes) write once per
 * minute at most: only the request that still sees a stale lastUsedAt updates it.
 */
async function touchLastUsed(keyId: string, ip: string | null): Promise<void> {
  const staleBefore = new Date(Date.now() - TOUCH_INTERVAL_MS);
  await getDb().apiKey.updateMany({
    where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: new Date(), lastUsedIp: ip },
  });
}
