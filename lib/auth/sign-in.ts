// Password sign-in. Refusals, in order: rate limit (per IP and per email), SSO required
// for the email's domain, unknown email or wrong password (one identical answer), locked
// account, deactivated account, unverified email. With a second factor set up, a right
// password yields a pending ticket rather than a session (lib/auth/mfa/sign-in-step.ts).
//
// Trade-off, on purpose: "Email or password is incorrect" is the answer for an unknown
// email every time, but a known account that is locked says so. Reaching the lock takes
// ten wrong passwords for that account, and the owner needs to know why a correct
// password is refused; an unknown email never becomes "locked", so someone willing to
// spend ten attempts can learn that an account exists. The per-email rate limit keeps
// that slow.
import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { reset } from "../rate-limit/limiter";
import { auditMeta, type AuthContext } from "./auth-context";
import { enforceLimits } from "./enforce-limits";
import { AUTH_LIMITS } from "./limits";
import { isLocked, recordFailedPassword } from "./lockout";
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./passwords";
import { accountDeactivated, accountLocked, emailUnverified, incorrectCredentials, ssoRequired } from "./refusals";
import { normalizeEmail } from "./schemas";
import { ssoRequirementFor } from "./sso-policy";
import { afterFirstFactor, type FirstFactorOutcome } from "./mfa/sign-in-step";

export type SignInResult = FirstFactorOutcome;

export async function signInWithPassword(input: { email: string; password: string }, ctx: AuthContext): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const meta = auditMeta(ctx);
  await enforceLimits([
    [AUTH_LIMITS.signInPerIp, meta.ip],
    [AUTH_LIMITS.signInPerEmail, email],
  ]);

  const sso = await ssoRequirementFor(email);
  if (sso) throw ssoRequired(sso.signInPath);

  const db = getDb();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, emailVerified: true, deactivatedAt: true, lockedUntil: true },
  });
  const refuse = async (reason: string, error: Error) => {
    await recordAudit(db, { action: "auth.sign_in_failed", targetType: user ? "user" : null, targetId: user?.id ?? null, ...meta, metadata: { method: "password", reason } });
    return error;
  };

  // No account, or one without a password (magic link / SSO only): spend the same scrypt
  // time as a real check and answer exactly like a wrong password. Not counted towards
  // a lock: there is no password to guess.
  if (!user || !user.passwordHash) {
    await verifyPassword(input.password, await decoyPasswordHash());
    throw await refuse(user ? "no_password" : "unknown_email", incorrectCredentials());
  }
  if (isLocked(user)) throw await refuse("locked", accountLocked());

  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const lockedNow = await recordFailedPassword(user, ctx);
    throw lockedNow ? accountLocked() : incorrectCredentials();
  }
  // Past this point the caller knows the password, so saying why is no leak.
  if (user.deactivatedAt) throw await refuse("deactivated", accountDeactivated());
  if (!user.emailVerified) throw await refuse("email_unverified", emailUnverified());

  // Raised cost parameters apply at the next successful sign-in.
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const outcome = await afterFirstFactor(user.id, "password", ctx, async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignInCount: 0, lockedUntil: null, ...(rehashed ? { passwordHash: rehashed } : {}) },
    });
  });
  await reset(AUTH_LIMITS.signInPerEmail, email);
  return outcome;
}
