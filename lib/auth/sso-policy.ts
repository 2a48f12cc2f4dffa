// Organizations can require SSO for the emails on their verified domains. A member with
// such an email who tries a password or a magic link is sent to the org's IdP instead.
import "server-only";
import { getDb } from "../db";

export type SsoRequirement = { orgSlug: string; signInPath: string };

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

export async function ssoRequirementFor(email: string): Promise<SsoRequirement | null> {
  const domain = await getDb().orgDomain.findFirst({
    where: {
      domain: emailDomain(email),
      verifiedAt: { not: null },
      org: { deletedAt: null, OR: [{ ssoConnection: { is: { enforceForDomains: true } } }, { samlConnection: { is: { enforceForDomains: true, enabled: true } } }] },
    },
    select: { org: { select: { slug: true } } },
  });
  return domain ? { orgSlug: domain.org.slug, signInPath: `/sso/${domain.org.slug}` } : null;
}
