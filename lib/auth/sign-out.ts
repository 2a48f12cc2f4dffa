// Signing out: the session behind this browser's cookie ends now (not when it expires).
import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { auditMeta, type AuthContext } from "./auth-context";
import { readSessionCookie } from "./session-cookie";
import { revokeSessionByToken } from "./sessions";

export async function signOut(actor: { userId: string; sessionId: string }, ctx: AuthContext): Promise<void> {
  const token = readSessionCookie(ctx.request);
  const meta = auditMeta(ctx);
  await getDb().$transaction(async (tx) => {
    if (token) await revokeSessionByToken(tx, token);
    await recordAudit(tx, { action: "auth.sign_out", actorId: actor.userId, targetType: "session", targetId: actor.sessionId, ...meta });
  });
}
