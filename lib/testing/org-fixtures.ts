// Orgs, memberships, verified domains and SSO connections for identity tests, made
// through Prisma against the run's real database.
import type { Role } from "../authz/permissions";
import { encryptSsoSecret } from "../auth/sso-secret";
import { getDb } from "../db";
import { uniqueSuffix } from "./fixtures";

export async function createOrg(overrides: { slug?: string; name?: string } = {}) {
  const suffix = uniqueSuffix();
  return getDb().organization.create({ data: { slug: overrides.slug ?? `org-${suffix}`, name: overrides.name ?? `Org ${suffix}` } });
}

export async function addMember(orgId: string, userId: string, role: Role) {
  return getDb().membership.create({ data: { orgId, userId, role } });
}

export async function addVerifiedDomain(orgId: string, domain: string) {
  return getDb().orgDomain.create({ data: { orgId, domain, verificationToken: uniqueSuffix(), verifiedAt: new Date() } });
}

export async function addSsoConnection(orgId: string, input: { issuer: string; clientId: string; clientSecret: string; enforceForDomains?: boolean }) {
  return getDb().ssoConnection.create({
    data: {
      orgId,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretEncrypted: encryptSsoSecret(orgId, input.clientSecret),
      enforceForDomains: input.enforceForDomains ?? false,
    },
  });
}
