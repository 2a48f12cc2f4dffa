// Resolves the org named in a URL for the caller: their membership in a live org, or
// nothing (the pipeline answers 404, so an outsider cannot tell the org exists).
import "server-only";
import { resolveOrgForApiKey } from "../api-keys/access";
import { getDb, getPool } from "../db";
import { MfaRequired } from "../errors";
import { mfaRequirementFor, type MfaPolicyRow } from "../orgs/mfa-policy";
import { resolveOrgForScim } from "../scim/access";
import { resolveOrgForExternalToken } from "../trusted-issuers/access";
import type { Actor } from "../http/authenticate";
import type { OrgAccess } from "../http/org-access";
import { redirectTargetOf } from "../orgs/slugs";
import { permissionsOf, type Role } from "./permissions";

export async function resolveOrgForActor(slug: string, actor: Actor | null, request?: Request): Promise<OrgAccess | null> {
  // An API key resolves only its own org; any other slug is as unknown as for an outsider.
  if (actor?.kind === "apiKey") return resolveOrgForApiKey(slug, actor, request);
  if (actor?.kind === "externalToken") return resolveOrgForExternalToken(slug, actor);
  if (actor?.kind === "scim") return resolveOrgForScim(slug, actor);
  if (!actor || actor.kind !== "user") return null;
  // Plain SQL, one round trip: every signed-in org request runs this (with the org's MFA
  // requirement, so an org without one costs nothing more).
  const { rows } = await getPool().query<{ id: string; slug: string; role: Role } & Partial<MfaPolicyRow>>(
    `SELECT o.id, o.slug, m.role, p."requiredSince" AT TIME ZONE 'UTC' AS "requiredSince", p."graceDays", p."ssoSatisfies", p."ssoAcceptedValues"
     FROM "Membership" m JOIN "Organization" o ON o.id = m."orgId" LEFT JOIN "OrgMfaPolicy" p ON p."orgId" = o.id
     WHERE m."userId" = $1 AND o.slug = $2 AND o."deletedAt" IS NULL`,
    [actor.userId, slug],
  );
  const membership = rows[0];
  if (membership) {
    const access: OrgAccess = { org: { id: membership.id, slug: membership.slug }, role: membership.role, permissions: permissionsOf(membership.role) };
    return withMfaRequirement(access, membership.requiredSince ? (membership as MfaPolicyRow) : null, actor);
  }

  // A renamed org's old slug redirects for 30 days, but only for its members: to anyone
  // else it is as unknown as any other slug.
  const redirect = await redirectTargetOf(getDb(), slug);
  if (!redirect) return null;
  const moved = await getDb().membership.findFirst({
    where: { userId: actor.userId, orgId: redirect.orgId, org: { deletedAt: null } },
    select: { role: true, org: { select: { id: true, slug: true } } },
  });
  if (!moved) return null;
  return { org: moved.org, role: moved.role, permissions: permissionsOf(moved.role), redirectToSlug: moved.org.slug };
}

/**
 * The org's "require two-factor authentication" for a person: refused with mfa_required
 * once the grace period is over, marked (for the console's banner) during it.
 */
async function withMfaRequirement(access: OrgAccess, policy: MfaPolicyRow | null, actor: Extract<Actor, { kind: "user" }>): Promise<OrgAccess> {
  if (!policy) return access;
  const requirement = await mfaRequirementFor(policy, { userId: actor.userId, sessionId: actor.sessionId, orgId: access.org.id });
  if (requirement.kind === "blocked") throw new MfaRequired(access.org.slug);
  return requirement.kind === "grace" ? { ...access, mfaGraceEndsAt: requirement.endsAt } : access;
}
