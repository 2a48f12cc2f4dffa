// Who may finish a magic-link or SSO sign-in (next-auth's signIn callback).
// - An email on a domain whose org requires SSO signs in only through that org's IdP.
// - An SSO identity already linked to a user signs in as that user.
// - Otherwise the IdP's email decides, but only when it is trustworthy: for an org's own
//   IdP, the email's domain must be one of that org's verified domains (an org cannot
//   assert addresses it does not own); for the instance IdP, it must assert
//   email_verified. A trustworthy email links to the existing user with that address or
//   creates one; an untrustworthy one is refused with a clear page, never linked, and
//   never creates a user (someone could otherwise pre-claim another person's address).
// - While signed in, an SSO identity whose email belongs to another user is refused
//   (next-auth would otherwise link it to the signed-in user).
// - A magic link for an account with a second factor ends at the MFA step, not a session.
// - Deactivated users are refused (after the link is used, so a magic-link request
//   answers the same for every address).
import "server-only";
import type { Account, Profile, User } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";
import { recordAudit } from "../../audit/record";
import { getDb } from "../../db";
import { hasSecondFactor } from "../mfa/factors";
import { MFA_STEP_PATH } from "../mfa/pending-cookie";
import { emailDomain, ssoRequirementFor } from "../sso-policy";
import type { AdapterContext } from "./adapter";
import type { OidcProfile, ProviderKind } from "./providers";

export type SignInAttempt = { user: User | AdapterUser; account: Account | null; profile?: Profile; email?: { verificationRequest?: boolean } };
export type PolicyContext = {
  kind: ProviderKind;
  orgId: string | null;
  adapter: AdapterContext;
  requestId: string;
  /** The user already signed in on this browser, if any. */
  currentUserId: () => Promise<string | null>;
};

/** true to continue, or the path to send the browser to instead. */
export async function signInPolicy(attempt: SignInAttempt, context: PolicyContext): Promise<true | string> {
  const db = getDb();
  if (context.kind.kind === "email") {
    const email = attempt.user.email?.toLowerCase();
    const requirement = email ? await ssoRequirementFor(email) : null;
    if (requirement) return requirement.signInPath;
    if (attempt.email?.verificationRequest || !email) return true;
    const existing = await db.user.findUnique({ where: { email }, select: { id: true, deactivatedAt: true } });
    if (existing?.deactivatedAt) return refuse(context, existing.id, "AccountDeactivated", "magic_link");
    // The link proved the first factor only; the session waits for the second (no session is created here).
    if (existing && (await hasSecondFactor(existing.id))) {
      context.adapter.mfaPendingUserId = existing.id;
      return MFA_STEP_PATH;
    }
    return true;
  }
  if (context.kind.kind !== "instance" && context.kind.kind !== "org") return "/auth-error?error=AccessDenied";

  const profile = (attempt.profile ?? {}) as OidcProfile;
  const email = profile.email?.trim().toLowerCase();
  if (!email || !email.includes("@")) return refuse(context, null, "SsoEmailMissing");

  const requirement = await ssoRequirementFor(email);
  if (requirement && !(context.kind.kind === "org" && context.kind.orgSlug === requirement.orgSlug)) return requirement.signInPath;

  const account = attempt.account;
  const linked = account
    ? await db.account.findUnique({
        where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
        select: { user: { select: { id: true, deactivatedAt: true } } },
      })
    : null;
  const existing = linked?.user ?? (await db.user.findUnique({ where: { email }, select: { id: true, deactivatedAt: true } }));
  if (existing?.deactivatedAt) return refuse(context, existing.id, "AccountDeactivated");
  const current = await context.currentUserId();
  if (current && existing && existing.id !== current) return refuse(context, existing.id, "SsoAccountNotLinked");
  if (linked) return true;

  const trusted =
    context.kind.kind === "org"
      ? Boolean(context.orgId && (await db.orgDomain.findFirst({ where: { orgId: context.orgId, domain: emailDomain(email), verifiedAt: { not: null } }, select: { id: true } })))
      : profile.email_verified === true || profile.email_verified === "true";
  if (!trusted) {
    const reason = existing ? "SsoAccountNotLinked" : context.kind.kind === "org" ? "SsoDomainNotVerified" : "SsoEmailNotVerified";
    return refuse(context, existing?.id ?? null, reason);
  }
  context.adapter.emailTrusted = true;
  return true;
}

async function refuse(context: PolicyContext, userId: string | null, reason: string, method = "sso"): Promise<string> {
  await recordAudit(getDb(), {
    action: "auth.sign_in_failed",
    actorId: userId,
    orgId: context.orgId,
    ip: context.adapter.meta.ip,
    userAgent: context.adapter.meta.userAgent,
    requestId: context.requestId,
    metadata: { method, reason },
  });
  return `/auth-error?error=${reason}`;
}
