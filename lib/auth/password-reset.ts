// Forgotten passwords: a single-use link (1 h) by email, then a new password that ends
// every session of the account.
//
// After a reset the user signs in again with the new password rather than being signed
// in by the link: the link may be opened on another device than the one that asked, and
// sign-in keeps its checks (SSO requirement, verified email) in one place.
import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { MAIL_IN_LOG_NOTE, mailIsSent } from "../mail/send";
import { auditMeta, sendWithoutWaiting, type AuthContext } from "./auth-context";
import { consumeAuthToken, issueAuthToken } from "./auth-tokens";
import { passwordChangedEmail, passwordResetEmail } from "./emails";
import { enforceLimits } from "./enforce-limits";
import { AUTH_LIMITS } from "./limits";
import { linkNoLongerValid } from "./link-errors";
import { hashPassword, passwordProblems } from "./passwords";
import { weakPassword } from "./refusals";
import { normalizeEmail } from "./schemas";
import { revokeSessions } from "./sessions";

/** Same answer, and no waiting on SMTP, whether or not the address has an account. */
export async function forgotPassword(email: string, ctx: AuthContext): Promise<{ message: string }> {
  const address = normalizeEmail(email);
  const meta = auditMeta(ctx);
  await enforceLimits([
    [AUTH_LIMITS.passwordResetPerIp, meta.ip],
    [AUTH_LIMITS.passwordResetPerEmail, address],
  ]);
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true, name: true, deactivatedAt: true } });
  if (user && !user.deactivatedAt) {
    const token = await db.$transaction(async (tx) => {
      const issued = await issueAuthToken(tx, { userId: user.id, purpose: "password_reset" });
      await recordAudit(tx, { action: "auth.password_reset_requested", targetType: "user", targetId: user.id, ...meta });
      return issued;
    });
    sendWithoutWaiting(passwordResetEmail(address, user.name, token));
  }
  if (!mailIsSent()) return { message: `If ${address} has a Bastion account, a link to reset the password was issued; it expires in 1 hour. ${MAIL_IN_LOG_NOTE}` };
  return { message: `If ${address} has a Bastion account, we sent it a link to reset the password. The link expires in 1 hour.` };
}

export async function resetPassword(input: { token: string; password: string }, ctx: AuthContext): Promise<{ message: string }> {
  const meta = auditMeta(ctx);
  const general = passwordProblems(input.password);
  if (general.length > 0) throw weakPassword(general);
  // scrypt outside the transaction: single-process mode has one database connection.
  const passwordHash = await hashPassword(input.password);

  const user = await getDb().$transaction(async (tx) => {
    const consumed = await consumeAuthToken(tx, input.token, "password_reset");
    if (!consumed) return null;
    const owner = await tx.user.findUniqueOrThrow({ where: { id: consumed.userId }, select: { id: true, email: true, name: true, emailVerified: true } });
    // Throwing rolls the transaction back, so the link still works with a better password.
    const personal = passwordProblems(input.password, owner.email);
    if (personal.length > 0) throw weakPassword(personal);
    await tx.user.update({
      where: { id: owner.id },
      // Opening the emailed link proves the address too.
      data: { passwordHash, failedSignInCount: 0, lockedUntil: null, emailVerified: owner.emailVerified ?? new Date() },
    });
    const endedSessions = await revokeSessions(tx, owner.id);
    await recordAudit(tx, { action: "auth.password_reset", actorId: owner.id, targetType: "user", targetId: owner.id, ...meta, metadata: { endedSessions } });
    return owner;
  });
  if (!user) throw linkNoLongerValid("password reset", "Ask for a new one from the sign-in page.");
  sendWithoutWaiting(passwordChangedEmail(user.email, user.name));
  return { message: "Your password was changed and every session was signed out. Sign in with your new password." };
}
