// Changing the sign-in email: a single-use link goes to the NEW address (proving the user
// holds it), a notice goes to the OLD one (so a hijacked session cannot move the account
// away silently). The email changes only when the link is opened by the same user.
import "server-only";
import { getDb } from "../db";
import { appUrl } from "../env";
import { Conflict, Invalid, NotFound, RateLimited } from "../errors";
import { recordAudit } from "../audit/record";
import { consumeAuthToken, issueAuthToken } from "../auth/auth-tokens";
import { sendMail } from "../mail/send";
import { consume, rateLimitHeaders } from "../rate-limit/limiter";
import { auditFields, type AccountActor } from "./actor";
import { ACCOUNT_LIMITS } from "./limits";

const EMAIL_IN_USE = "That email address belongs to another account";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function requestEmailChange(actor: AccountActor, newEmailInput: string): Promise<{ sentTo: string }> {
  const newEmail = normalizeEmail(newEmailInput);
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
  if (!user) throw new NotFound("Account");
  if (newEmail === user.email) {
    throw new Invalid("That is already your email address", [{ path: "email", message: "That is already your email address", in: "body" }]);
  }
  const limit = await consume(ACCOUNT_LIMITS.emailChangePerUser, actor.userId);
  if (!limit.allowed) throw new RateLimited(limit.resetSeconds, rateLimitHeaders(limit));
  // The answer is the same whether or not the address is taken (it would tell who has an
  // account); the holder of a taken address is told by email instead, and nothing is issued.
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) {
    await sendMail({
      to: newEmail,
      subject: "Someone tried to use your email address on Bastion",
      text: `Someone signed in to another Bastion account asked to move it to this address, which already belongs to your account. Nothing changed.\n\nIf you meant to do this, sign in with this address instead: ${appUrl()}/sign-in`,
    });
    return { sentTo: newEmail };
  }

  const token = await db.$transaction(async (tx) => {
    const issued = await issueAuthToken(tx, { userId: actor.userId, purpose: "email_change", email: newEmail });
    await recordAudit(tx, {
      ...auditFields(actor),
      action: "account.email_change_requested",
      targetType: "user",
      targetId: actor.userId,
      metadata: { newEmail },
    });
    return issued;
  });

  // The token rides in the fragment: browsers never send it to a server, so it stays out of
  // request logs, Referer headers and the page Next.js renders (which embeds its own URL).
  const link = `${appUrl()}/account/confirm-email#token=${encodeURIComponent(token)}`;
  await sendMail({
    to: newEmail,
    subject: "Confirm your new email address for Bastion",
    text: `Someone (hopefully you) asked to use this address for their Bastion account.\n\nConfirm it within 24 hours:\n${link}\n\nIf this was not you, ignore this email.`,
  });
  await sendMail({
    to: user.email,
    subject: "Your Bastion email address is being changed",
    text: `A change of your Bastion account's email address to ${newEmail} was requested.\n\nIt takes effect only when confirmed from the new address. If this was not you, change your password and sign out your other sessions from ${appUrl()}/account.`,
  });
  return { sentTo: newEmail };
}

/** Applies a confirmed email change for the signed-in user who asked for it. */
export async function confirmEmailChange(actor: AccountActor, token: string): Promise<{ email: string }> {
  const invalidLink = () => new Invalid("This link is invalid or has expired; request the change again from your account page");
  return getDb().$transaction(async (tx) => {
    const consumed = await consumeAuthToken(tx, token, "email_change");
    // Throwing rolls the transaction back, so another user's link stays usable by its owner.
    if (!consumed?.email || consumed.userId !== actor.userId) throw invalidLink();
    const previous = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
    const taken = await tx.user.findFirst({ where: { email: consumed.email, id: { not: actor.userId } }, select: { id: true } });
    if (taken) throw new Conflict(EMAIL_IN_USE);
    await tx.user.update({ where: { id: actor.userId }, data: { email: consumed.email, emailVerified: new Date() } });
    await recordAudit(tx, {
      ...auditFields(actor),
      action: "account.email_changed",
      targetType: "user",
      targetId: actor.userId,
      metadata: { previousEmail: previous.email, newEmail: consumed.email },
    });
    return { email: consumed.email };
  });
}
