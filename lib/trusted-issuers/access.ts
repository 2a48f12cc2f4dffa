// Org resolution for external-token callers: a token acts only in its issuer's org (any
// other slug is "not found"), with the mapping's permissions narrowed to the CURRENT role
// of the admin who registered the issuer, exactly as an API key is narrowed to its creator's.
import "server-only";
import { permissionsOf, type Role } from "../authz/permissions";
import type { Actor } from "../http/authenticate";
import type { OrgAccess } from "../http/org-access";

type ExternalTokenActor = Extract<Actor, { kind: "externalToken" }>;

export async function resolveOrgForExternalToken(slug: string, actor: ExternalTokenActor): Promise<OrgAccess | null> {
  if (!actor.org || actor.org.slug !== slug) return null;
  const role = actor.org.creatorRole as Role | null;
  const held: ReadonlySet<string> = role ? permissionsOf(role) : new Set<string>();
  return {
    org: { id: actor.orgId, slug },
    role: role ?? "none",
    permissions: new Set(actor.scopes.filter((scope) => held.has(scope))),
  };
}
