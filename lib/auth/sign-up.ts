// Sign-up with email and password. The answer is the same whether or not the address
// already has an account (so sign-up cannot be used to find accounts); the owner of an
// existing address is told by email instead.
import "server-only";
import { recordAudit } from "../audit/record";
import { getDb, Prisma } from "../db";
import { MAIL_IN_LOG_NOTE, mailIsSent, sendMail } from "../mail/send";
import { auditMeta, type AuthContext } from "./auth-context";
import { issueAuthToken } from "./auth-tokens";
import { signUpAttemptEmail, verificationEmail } from "./emails";
import { enforceLimits } from "./enforce-limits";
import { AUTH_LIMITS } from "./limits";
import { hashPassword, passwordProblems } from "./passwords";
import { ssoRequired, weakPassword } from "./refusals";
import { normalizeEmail } from "./schemas";
import { ssoRequirementFor } from "./sso-policy";

export type SignUpResult = { message: string };

export async function signUp(input: { email: string; password: string; name: string }, ctx: AuthContext): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  const meta = auditMeta(ctx);
  await enforceLimits([[AUTH_LIMITS.signUpPerIp, meta.ip]]);

  const problems = passwordProblems(input.password, email);
  if (problems.length > 0) throw weakPassword(problems);
  // Depends on the domain only, so it reveals nothing about accounts.
  const sso = await ssoRequirementFor(email);
  if (sso) throw ssoRequired(sso.signInPath);

  // Hashed before looking the address up, so both paths cost the same time.
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, name: true, deactivatedAt: true } });

  let created: { userId: string; token: string } | null = null;
  if (!existing) {
    try {
      created = await db.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email, name: input.name, passwordHash }, select: { id: true } });
        const token = await issueAuthToken(tx, { userId: user.id, purpose: "email_verification" });
        await recordAudit(tx, { action: "auth.sign_up", actorId: user.id, targetType: "user", targetId: user.id, ...meta, metadata: { method: "password" } });
        return { userId: user.id, token };
      });
    } catch (error) {
      // Someone signed up with the same address a moment ago: treat it as existing.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }

  if (created) {
    await sendMail(verificationEmail(email, input.name, created.token));
  } else {
    const owner = existing ?? (await db.user.findUnique({ where: { email }, select: { id: true, name: true, deactivatedAt: true } }));
    if (owner && !owner.deactivatedAt) await sendMail(signUpAttemptEmail(email, owner.name));
  }
  if (!mailIsSent()) return { message: `Open the link in the email to ${email} to finish signing up. ${MAIL_IN_LOG_NOTE}` };
  return { message: `We sent an email to ${email}. Open the link in it to finish signing up.` };
}
