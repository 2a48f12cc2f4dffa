// "Sign in with SSO": from a work email to the org whose IdP serves its domain. Only
// orgs that verified the domain and set up SSO are found, so the answer says no more
// about which orgs exist than the domain itself does.
import "server-only";
import { emailDomain, ssoRequirementFor } from "../auth/sso-policy";
import { getDb } from "../db";

export async function ssoSignInPathFor(email: string): Promise<string | null> {
  const required = await ssoRequirementFor(email);
  if (required) return required.signInPath;
  const offered = await getDb().orgDomain.findFirst({
    where: { domain: emailDomain(email), verifiedAt: { not: null }, org: { deletedAt: null, OR: [{ ssoConnection: { isNot: null } }, { samlConnection: { is: { enabled: true } } }] } },
    orderBy: { verifiedAt: "asc" },
    select: { org: { select: { slug: true } } },
  });
  return offered ? `/sso/${offered.org.slug}` : null;
}

/** Where /sso/<slug> leads: the org's enabled SAML connection first, else its OIDC one, else nowhere. */
export async function orgSsoEntry(slug: string): Promise<{ kind: "saml"; connectionId: string } | { kind: "oidc" } | null> {
  const org = await getDb().organization.findFirst({
    where: { slug, deletedAt: null },
    select: { ssoConnection: { select: { id: true } }, samlConnection: { select: { id: true, enabled: true } } },
  });
  if (org?.samlConnection?.enabled) return { kind: "saml", connectionId: org.samlConnection.id };
  return org?.ssoConnection ? { kind: "oidc" } : null;
}
