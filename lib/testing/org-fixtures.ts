// Orgs, memberships, verified domains and SSO connections for identity tests, made
// through Prisma against the run's real database.
import type { Role } from "../authz/permissions";
import { putSsoClientSecret, ssoSecretDataKey } from "../sso/client-secret";
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
  const dataKey = await ssoSecretDataKey(orgId);
  return getDb().$transaction(async (tx) => {
    const row = await tx.ssoConnection.create({ data: { orgId, issuer: input.issuer, clientId: input.clientId, enforceForDomains: input.enforceForDomains ?? false } });
    await putSsoClientSecret(tx, dataKey, { orgId, connectionId: row.id, clientSecret: input.clientSecret, actorUserId: null });
    return row;
  });
}
