// Org resolution for SCIM callers: a directory token reaches only its own org's SCIM
// endpoints (any other slug is "not found"). It holds no console permission at all.
import "server-only";
import type { Actor } from "../http/authenticate";
import type { OrgAccess } from "../http/org-access";

export async function resolveOrgForScim(slug: string, actor: Extract<Actor, { kind: "scim" }>): Promise<OrgAccess | null> {
  if (actor.orgSlug !== slug) return null;
  return { org: { id: actor.orgId, slug }, role: "none", permissions: new Set() };
}
