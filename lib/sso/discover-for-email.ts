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
    where: { domain: emailDomain(email), verifiedAt: { not: null }, org: { deletedAt: null, ssoConnection: { isNot: null } } },
    orderBy: { verifiedAt: "asc" },
    select: { org: { select: { slug: true } } },
  });
  return offered ? `/sso/${offered.org.slug}` : null;
}

/** Whether /sso/<slug> leads anywhere. */
export async function orgHasSso(slug: string): Promise<boolean> {
  const org = await getDb().organization.findFirst({ where: { slug, deletedAt: null, ssoConnection: { isNot: null } }, select: { id: true } });
  return org !== null;
}
