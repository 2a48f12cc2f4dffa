// Resolves the org named in a URL for the caller: their membership in a live org, or
// nothing (the pipeline answers 404, so an outsider cannot tell the org exists).
import "server-only";
import { resolveOrgForApiKey } from "../api-keys/access";
import { getDb, getPool } from "../db";
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
  // Plain SQL, one round trip: every signed-in org request runs this.
  const { rows } = await getPool().query<{ id: string; slug: string; role: Role }>(
    `SELECT o.id, o.slug, m.role FROM "Membership" m JOIN "Organization" o ON o.id = m."orgId"
     WHERE m."userId" = $1 AND o.slug = $2 AND o."deletedAt" IS NULL`,
    [actor.userId, slug],
  );
  const membership = rows[0];
  if (membership) return { org: { id: membership.id, slug: membership.slug }, role: membership.role, permissions: permissionsOf(membership.role) };

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
