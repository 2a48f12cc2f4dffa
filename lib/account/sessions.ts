// The account page's sessions: list them (never their tokens), end one, end all others,
// end all. A revoked session is refused on its next request (findActiveSession).
import "server-only";
import { getDb } from "../db";
import { NotFound } from "../errors";
import { recordAudit } from "../audit/record";
import { listSessions, revokeSession, revokeSessions } from "../auth/sessions";
import { auditFields, type AccountActor } from "./actor";
import { deviceLabel } from "./device-label";
import type { SessionView } from "./types";

export async function listAccountSessions(actor: Pick<AccountActor, "userId" | "sessionId">): Promise<SessionView[]> {
  const sessions = await listSessions(actor.userId);
  return sessions.map((session) => ({
    id: session.id,
    device: deviceLabel(session.userAgent),
    ipAddress: session.ipAddress,
    method: session.method,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    current: session.id === actor.sessionId,
  }));
}

/** Ends one of the user's own sessions; another user's session id is simply not found. */
export async function revokeAccountSession(actor: AccountActor, sessionId: string): Promise<{ current: boolean }> {
  await getDb().$transaction(async (tx) => {
    if (!(await revokeSession(tx, actor.userId, sessionId))) throw new NotFound("Session");
    await recordAudit(tx, { ...auditFields(actor), action: "session.revoked", targetType: "session", targetId: sessionId, metadata: { scope: "one" } });
  });
  return { current: sessionId === actor.sessionId };
}

/** "Sign out other sessions" (keeps the caller's) or "sign out everywhere" (ends it too). */
export async function revokeAccountSessions(actor: AccountActor, scope: "others" | "all"): Promise<{ revoked: number }> {
  const revoked = await getDb().$transaction(async (tx) => {
    const count = await revokeSessions(tx, actor.userId, scope === "others" ? actor.sessionId : undefined);
    await recordAudit(tx, { ...auditFields(actor), action: "session.revoked", targetType: "user", targetId: actor.userId, metadata: { scope, count } });
    return count;
  });
  return { revoked };
}
