// Email verification: the single-use link (24 h) sent at sign-up, and sending it again.
import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { MAIL_IN_LOG_NOTE, mailIsSent } from "../mail/send";
import { auditMeta, sendWithoutWaiting, type AuthContext } from "./auth-context";
import { consumeAuthToken, issueAuthToken } from "./auth-tokens";
import { verificationEmail } from "./emails";
import { enforceLimits } from "./enforce-limits";
import { AUTH_LIMITS } from "./limits";
import { linkNoLongerValid } from "./link-errors";
import { normalizeEmail } from "./schemas";

export async function verifyEmail(token: string, ctx: AuthContext): Promise<{ verified: true }> {
  const meta = auditMeta(ctx);
  const verified = await getDb().$transaction(async (tx) => {
    const consumed = await consumeAuthToken(tx, token, "email_verification");
    if (!consumed) return false;
    await tx.user.update({ where: { id: consumed.userId }, data: { emailVerified: new Date() } });
    await recordAudit(tx, { action: "auth.email_verified", actorId: consumed.userId, targetType: "user", targetId: consumed.userId, ...meta });
    return true;
  });
  if (!verified) throw linkNoLongerValid("verification", "Sign in to have a new one sent.");
  return { verified: true };
}

/** Same answer whether the address is unknown, already verified or waiting. */
export async function resendVerification(email: string, ctx: AuthContext): Promise<{ message: string }> {
  const address = normalizeEmail(email);
  const meta = auditMeta(ctx);
  await enforceLimits([
    [AUTH_LIMITS.verificationResendPerIp, meta.ip],
    [AUTH_LIMITS.verificationResendPerEmail, address],
  ]);
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true, name: true, emailVerified: true, deactivatedAt: true } });
  if (user && !user.emailVerified && !user.deactivatedAt) {
    const token = await issueAuthToken(db, { userId: user.id, purpose: "email_verification" });
    sendWithoutWaiting(verificationEmail(address, user.name, token));
  }
  if (!mailIsSent()) return { message: `If ${address} is waiting for verification, a new link was issued. ${MAIL_IN_LOG_NOTE}` };
  return { message: `If ${address} is waiting for verification, we sent it a new link.` };
}
