// Account lockout: after LOCKOUT_THRESHOLD wrong passwords in a row the account is
// locked for LOCKOUT_BASE_MS, each later lock twice as long as the one before, and the
// owner is emailed a single-use unlock link. Unlocking keeps lockCount, so a lock that
// follows still doubles.
import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { logger } from "../logger";
import { sendMail } from "../mail/send";
import { auditMeta, type AuthContext } from "./auth-context";
import { consumeAuthToken, issueAuthToken } from "./auth-tokens";
import { unlockEmail } from "./emails";
import { LOCKOUT_BASE_MS, LOCKOUT_THRESHOLD } from "./limits";
import { linkNoLongerValid } from "./link-errors";

/** Doubling stops after this many locks (15 min × 2^10 ≈ 10.7 days) so the date stays sane. */
const MAX_DOUBLINGS = 10;

export function lockDurationMs(previousLocks: number): number {
  return LOCKOUT_BASE_MS * 2 ** Math.min(previousLocks, MAX_DOUBLINGS);
}

export function isLocked(user: { lockedUntil: Date | null }, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

type FailingUser = { id: string; email: string; name: string | null };

/**
 * Counts one wrong password (audited) and locks the account when the count reaches the
 * threshold. Returns whether this failure locked it. The increment holds the user's row
 * lock until commit, so concurrent failures are counted one after another.
 */
export async function recordFailedPassword(user: FailingUser, ctx: AuthContext): Promise<boolean> {
  return recordFailedAttempt(user, ctx, "password");
}

/**
 * Counts one wrong second-factor code (TOTP or recovery code) the same way as a wrong
 * password: its own counter, the same threshold, the same doubling lock and unlock email.
 */
export async function recordFailedMfaCode(user: FailingUser, ctx: AuthContext): Promise<boolean> {
  return recordFailedAttempt(user, ctx, "mfa_code");
}

async function recordFailedAttempt(user: FailingUser, ctx: AuthContext, factor: "password" | "mfa_code"): Promise<boolean> {
  const meta = auditMeta(ctx);
  const counter = factor === "password" ? "failedSignInCount" : "failedMfaCount";
  const lock = await getDb().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { [counter]: { increment: 1 } },
      select: { failedSignInCount: true, failedMfaCount: true, lockCount: true },
    });
    const failures = updated[counter];
    await recordAudit(tx, {
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user.id,
      ...meta,
      metadata:
        factor === "password"
          ? { method: "password", reason: "wrong_password", consecutiveFailures: failures }
          : { method: "mfa", reason: "wrong_mfa_code", consecutiveFailures: failures },
    });
    if (failures < LOCKOUT_THRESHOLD) return null;
    const counted = updated;

    const lockedUntil = new Date(Date.now() + lockDurationMs(counted.lockCount));
    await tx.user.update({
      where: { id: user.id },
      data: { lockedUntil, lockCount: { increment: 1 }, failedSignInCount: 0, failedMfaCount: 0 },
    });
    const token = await issueAuthToken(tx, { userId: user.id, purpose: "account_unlock" });
    await recordAudit(tx, {
      action: "auth.lockout",
      targetType: "user",
      targetId: user.id,
      ...meta,
      metadata: { lockNumber: counted.lockCount + 1, lockedUntil: lockedUntil.toISOString() },
    });
    return { token, lockedUntil };
  });
  if (!lock) return false;
  // The lock stands even if the email cannot be sent; it expires on its own.
  await sendMail(unlockEmail(user.email, user.name, lock.token, lock.lockedUntil)).catch(() => {
    logger.warn({ userId: user.id }, "account locked but the unlock email could not be sent");
  });
  return true;
}

/** Opens a locked account from the emailed link. */
export async function unlockAccount(token: string, ctx: AuthContext): Promise<{ unlocked: true }> {
  const meta = auditMeta(ctx);
  const unlocked = await getDb().$transaction(async (tx) => {
    const consumed = await consumeAuthToken(tx, token, "account_unlock");
    if (!consumed) return false;
    await tx.user.update({ where: { id: consumed.userId }, data: { lockedUntil: null, failedSignInCount: 0, failedMfaCount: 0 } });
    await recordAudit(tx, { action: "auth.unlock", actorId: consumed.userId, targetType: "user", targetId: consumed.userId, ...meta });
    return true;
  });
  if (!unlocked) throw linkNoLongerValid("unlock", "If your account is still locked, wait for the lock to end or reset your password.");
  return { unlocked: true };
}
