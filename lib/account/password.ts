// Changing the password from the account page. Everyone else signed in as this user is
// signed out (the password may have leaked); the browser that made the change stays in.
import "server-only";
import { getDb } from "../db";
import { Invalid, NotFound } from "../errors";
import { recordAudit } from "../audit/record";
import { hashPassword, passwordProblems } from "../auth/passwords";
import { revokeSessions } from "../auth/sessions";
import { auditFields, type AccountActor } from "./actor";
import { assertCurrentPassword } from "./current-password";

export async function changePassword(
  actor: AccountActor,
  input: { currentPassword?: string; newPassword: string },
): Promise<{ otherSessionsEnded: number }> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new NotFound("Account");
  // Users who signed up by magic link or SSO have no password yet and may set one.
  if (user.passwordHash) await assertCurrentPassword(actor.userId, user.passwordHash, input.currentPassword, "currentPassword");

  const problems = passwordProblems(input.newPassword, user.email);
  if (problems.length > 0) {
    throw new Invalid(problems[0]!, problems.map((message) => ({ path: "newPassword", message, in: "body" })));
  }
  const passwordHash = await hashPassword(input.newPassword);

  const otherSessionsEnded = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, failedSignInCount: 0, lockedUntil: null } });
    // A reset link mailed before the change must not undo it.
    await tx.authToken.updateMany({ where: { userId: actor.userId, purpose: "password_reset", usedAt: null }, data: { usedAt: new Date() } });
    const ended = await revokeSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, {
      ...auditFields(actor),
      action: "account.password_changed",
      targetType: "user",
      targetId: actor.userId,
      metadata: { hadPassword: user.passwordHash !== null, otherSessionsEnded: ended },
    });
    return ended;
  });
  return { otherSessionsEnded };
}
