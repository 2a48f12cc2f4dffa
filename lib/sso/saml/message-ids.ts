// SAML message ids kept in PostgreSQL (so every web process, and the single-process
// mode, share them): the ids of AuthnRequests we sent, each accepted once as the
// InResponseTo of a response, and the ids of assertions already used (replay cache).
import type { CacheItem, CacheProvider } from "@node-saml/node-saml";
import { getDb } from "../../db";

/** How long an AuthnRequest may wait for its response. */
export const REQUEST_ID_LIFETIME_MS = 10 * 60 * 1000;
/** Kept when an assertion names no NotOnOrAfter. */
const DEFAULT_ASSERTION_RETENTION_MS = 24 * 60 * 60 * 1000;

/** node-saml's cache of request ids, one namespace per connection. */
export function requestIdCache(connectionId: string): CacheProvider {
  const key = (id: string) => `request:${connectionId}:${id}`;
  return {
    async saveAsync(id: string, value: string): Promise<CacheItem | null> {
      const createdAt = new Date();
      await getDb().samlMessageId.create({ data: { key: key(id), createdAt, expiresAt: new Date(createdAt.getTime() + REQUEST_ID_LIFETIME_MS) } });
      return { value, createdAt: createdAt.getTime() };
    },
    async getAsync(id: string): Promise<string | null> {
      const row = await getDb().samlMessageId.findFirst({ where: { key: key(id), expiresAt: { gt: new Date() } } });
      // node-saml reads the value as the time the request was made.
      return row ? row.createdAt.toISOString() : null;
    },
    async removeAsync(id: string | null): Promise<string | null> {
      if (!id) return null;
      const { count } = await getDb().samlMessageId.deleteMany({ where: { key: key(id) } });
      return count > 0 ? id : null;
    },
  };
}

/** Records an assertion id as used; false when it was used before (a replay). */
export async function claimAssertionId(connectionId: string, assertionId: string, notOnOrAfter: Date | null): Promise<boolean> {
  const db = getDb();
  await db.samlMessageId.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const expiresAt = notOnOrAfter ?? new Date(Date.now() + DEFAULT_ASSERTION_RETENTION_MS);
  const { count } = await db.samlMessageId.createMany({ data: [{ key: `assertion:${connectionId}:${assertionId}`, expiresAt }], skipDuplicates: true });
  return count === 1;
}
