// Browser sessions: created at sign-in, looked up on every request, revocable at once.
// The cookie carries a random token; the database keeps only its hash.
import "server-only";
import type { Db, Tx } from "../db";
import { getDb, getPool } from "../db";
import { hashToken, randomToken } from "./tokens";

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often per session, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionMethod = "password" | "magic_link" | "sso";

/** How the IdP said the user authenticated (OIDC amr/acr, SAML AuthnContextClassRef as acr): read by an org's MFA requirement. */
export type SsoAssertion = { amr: string[]; acr: string | null };

export type NewSession = { token: string; sessionId: string; expires: Date };

export async function createSession(
  db: Db | Tx,
  input: { userId: string; method: SessionMethod; ip: string | null; userAgent: string | null; ssoConnectionId?: string; ssoAssertion?: SsoAssertion },
): Promise<NewSession> {
  const token = randomToken();
  const expires = new Date(Date.now() + SESSION_LIFETIME_MS);
  const session = await db.session.create({
    data: {
      tokenHash: hashToken(token),
      userId: input.userId,
      expires,
      method: input.method,
      ipAddress: input.ip,
      userAgent: input.userAgent,
      ssoConnectionId: input.ssoConnectionId ?? null,
      ssoAmr: input.ssoAssertion?.amr ?? [],
      ssoAcr: input.ssoAssertion?.acr ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id, expires };
}

export type ActiveSession = { sessionId: string; userId: string; email: string; name: string | null };

/**
 * The live session for a cookie token, or null when it is unknown, expired, revoked or
 * its user is deactivated. Checked on every request, so a revocation applies at once.
 */
export async function findActiveSession(token: string, meta?: { ip: string | null }): Promise<ActiveSession | null> {
  // Plain SQL, one round trip: this runs on every signed-in request, where Prisma's
  // nested select took two queries. Only live sessions of active users match.
  const { rows } = await getPool().query<{ id: string; lastSeenAt: Date; userId: string; email: string; name: string | null }>(
    `SELECT s.id, s."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt", u.id AS "userId", u.email, u.name
     FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."tokenHash" = $1 AND s.expires > (now() AT TIME ZONE 'UTC') AND u."deactivatedAt" IS NULL`,
    [hashToken(token)],
  );
  const session = rows[0];
  if (!session) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    // Best effort: a lost update only makes "last seen" a minute staler.
    await getDb()
      .session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(), ...(meta?.ip ? { ipAddress: meta.ip } : {}) } })
      .catch(() => {});
  }
  return { sessionId: session.id, userId: session.userId, email: session.email, name: session.name };
}

export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  method: string;
};

/** A user's live sessions, newest activity first; never their tokens. */
export function listSessions(userId: string): Promise<SessionSummary[]> {
  return getDb().session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ipAddress: true, userAgent: true, method: true },
  });
}

export async function revokeSession(db: Db | Tx, userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

/** Ends every session of the user except `keepSessionId` (all of them when omitted). */
export async function revokeSessions(db: Db | Tx, userId: string, keepSessionId?: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return count;
}

export async function revokeSessionByToken(db: Db | Tx, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
