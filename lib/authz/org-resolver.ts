// Resolves the org named in a URL for the caller: their membership in a live org, or
// nothing (the pipeline answers 404, so an outsider cannot tell the org exists).
import "server-only";
import { resolveOrgForApiKey } from "../api-keys/access";
import { getDb } from "../db";
import type { Actor } from "../http/authenticate";
import type { OrgAccess } from "../http/org-access";
import { redirectTargetOf } from "../orgs/slugs";
import { permissionsOf } from "./permissions";

export async function resolveOrgForActor(slug: string, actor: Actor | null, request?: Request): Promise<OrgAccess | null> {
  // An API key resolves only its own org; any other slug is as unknown as for an outsider.
  if (actor?.kind === "apiKey") return resolveOrgForApiKey(slug, actor, request);
  if (!actor || actor.kind !== "user") return null;
  const membership = await getDb().membership.findFirst({
    where: { userId: actor.userId, org: { slug, deletedAt: null } },
    select: { role: true, org: { select: { id: true, slug: true } } },
  });
  if (membership) return { org: membership.org, role: membership.role, permissions: permissionsOf(membership.role) };

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
