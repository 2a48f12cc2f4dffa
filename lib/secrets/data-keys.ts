// Org data keys: one current AES-256 key per org, stored only wrapped by the KMS. The
// plaintext lives in this process's memory for at most CACHE_TTL_MS (never logged,
// never persisted). Callers fetch keys before opening a transaction: in single-process
// mode the database has one connection, and a KMS call should not hold a transaction open.
// No "server-only" marker: the worker and `npm run keys:rotate` (plain Node) load this too.
import { randomBytes } from "node:crypto";
import { getDb, type Db, type Tx } from "../db";
import { kekVersionOf, kms } from "../kms";
import { processSingleton } from "../runtime";

const CACHE_TTL_MS = 5 * 60 * 1000;

type CachedKey = { key: Buffer; expiresAt: number };
const cache = () => processSingleton("secrets-data-key-cache", () => new Map<string, CachedKey>());

export type DataKey = { version: number; key: Buffer };

async function unwrapCached(orgId: string, version: number, wrappedKey: string): Promise<Buffer> {
  const name = `${orgId}:${version}`;
  const hit = cache().get(name);
  if (hit && hit.expiresAt > Date.now()) return hit.key;
  const key = await kms().unwrap(wrappedKey);
  cache().set(name, { key, expiresAt: Date.now() + CACHE_TTL_MS });
  return key;
}

/** Forgets cached plaintext keys (tests, and after a KEK change in this process). */
export function clearDataKeyCache(): void {
  for (const entry of cache().values()) entry.key.fill(0);
  cache().clear();
}

/** A fresh data key, wrapped by the KMS; the plaintext is wiped at once. */
export async function wrapNewDataKey(): Promise<string> {
  const plaintext = randomBytes(32);
  try {
    return await kms().wrap(plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/** Stores a wrapped data key of the given version unless one exists (a concurrent creator won). */
export async function insertDataKey(db: Db | Tx, orgId: string, version: number, wrapped: string): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO "OrgDataKey" (id, "orgId", version, "wrappedKey", "kmsProvider", "kekVersion")
    VALUES (${`dk_${randomBytes(12).toString("base64url")}`}, ${orgId}, ${version}, ${wrapped}, ${kms().name}, ${kekVersionOf(wrapped)})
    ON CONFLICT ("orgId", version) DO NOTHING`;
  return inserted === 1;
}

/** The org's newest data key, created on first use. */
export async function currentDataKey(orgId: string): Promise<DataKey> {
  let row = await getDb().orgDataKey.findFirst({ where: { orgId }, orderBy: { version: "desc" } });
  if (!row) {
    await insertDataKey(getDb(), orgId, 1, await wrapNewDataKey());
    row = await getDb().orgDataKey.findFirstOrThrow({ where: { orgId }, orderBy: { version: "desc" } });
  }
  return { version: row.version, key: await unwrapCached(orgId, row.version, row.wrappedKey) };
}

/** The data keys of the given versions, for decrypting rows written under them. */
export async function dataKeys(orgId: string, versions: number[]): Promise<Map<number, Buffer>> {
  const rows = await getDb().orgDataKey.findMany({ where: { orgId, version: { in: [...new Set(versions)] } } });
  const keys = new Map<number, Buffer>();
  for (const row of rows) keys.set(row.version, await unwrapCached(orgId, row.version, row.wrappedKey));
  return keys;
}
