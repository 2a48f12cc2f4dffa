// Org resolution for API-key callers: a key acts only in its own org (any other slug is
// "not found", as for a non-member), with the permissions its scopes share with its
// creator's CURRENT role. A creator who is no longer a member holds nothing (their keys
// are revoked on removal anyway).
import "server-only";
import { permissionsOf, type Role } from "../authz/permissions";
import { getDb } from "../db";
import type { Actor } from "../http/authenticate";
import type { OrgAccess } from "../http/org-access";
import { redirectTargetOf } from "../orgs/slugs";
import { recordApiKeyDenial } from "./denials";

type ApiKeyActor = Extract<Actor, { kind: "apiKey" }>;

async function loadOwnOrg(actor: ApiKeyActor, where: { slug?: string }) {
  return getDb().organization.findFirst({
    where: { id: actor.orgId, deletedAt: null, ...where },
    select: { id: true, slug: true, memberships: { where: { userId: actor.userId ?? "" }, select: { role: true } } },
  });
}

function accessOf(actor: ApiKeyActor, org: NonNullable<Awaited<ReturnType<typeof loadOwnOrg>>>): OrgAccess {
  const role = org.memberships[0]?.role as Role | undefined;
  const held: ReadonlySet<string> = role ? permissionsOf(role) : new Set<string>();
  return {
    org: { id: org.id, slug: org.slug },
    role: role ?? "none",
    permissions: new Set(actor.scopes.filter((scope) => held.has(scope))),
    apiKeyId: actor.apiKeyId,
  };
}

export async function resolveOrgForApiKey(slug: string, actor: ApiKeyActor, request?: Request): Promise<OrgAccess | null> {
  const org = await loadOwnOrg(actor, { slug });
  if (org) return accessOf(actor, org);
  // The org's former slug still works for its own keys, as a redirect.
  const redirect = await redirectTargetOf(getDb(), slug);
  if (redirect?.orgId === actor.orgId) {
    const moved = await loadOwnOrg(actor, {});
    if (moved) return { ...accessOf(actor, moved), redirectToSlug: moved.slug };
  }
  if (request) await recordApiKeyDenial(request, { id: actor.apiKeyId, orgId: actor.orgId, createdById: actor.userId }, "other_org");
  return null;
}
