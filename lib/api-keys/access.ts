// Org resolution for API-key callers: a key acts only in its own org (any other slug is
// "not found", as for a non-member), with the permissions its scopes share with its
// creator's CURRENT role. A creator who is no longer a member holds nothing (their keys
// are revoked on removal anyway).
import "server-only";
import { permissionsOf, type Role } from "../authz/permissions";
import { getDb, getPool } from "../db";
import type { Actor } from "../http/authenticate";
import type { OrgAccess } from "../http/org-access";
import { redirectTargetOf } from "../orgs/slugs";
import { recordApiKeyDenial } from "./denials";

type ApiKeyActor = Extract<Actor, { kind: "apiKey" }>;

type OwnOrg = { id: string; slug: string; role: Role | null };

/**
 * The key's org (optionally only under `slug`) with its creator's current role, in one
 * plain-SQL round trip: this runs on every API-key request, and Prisma's nested select
 * costs two queries and most of the time of this step.
 */
async function loadOwnOrg(actor: ApiKeyActor, where: { slug?: string }): Promise<OwnOrg | null> {
  const { rows } = await getPool().query<OwnOrg>(
    `SELECT o.id, o.slug, m.role FROM "Organization" o
     LEFT JOIN "Membership" m ON m."orgId" = o.id AND m."userId" = $2
     WHERE o.id = $1 AND o."deletedAt" IS NULL AND ($3::text IS NULL OR o.slug = $3)`,
    [actor.orgId, actor.userId ?? "", where.slug ?? null],
  );
  return rows[0] ?? null;
}

function accessOf(actor: ApiKeyActor, org: OwnOrg): OrgAccess {
  const held: ReadonlySet<string> = org.role ? permissionsOf(org.role) : new Set<string>();
  return {
    org: { id: org.id, slug: org.slug },
    role: org.role ?? "none",
    permissions: new Set(actor.scopes.filter((scope) => held.has(scope))),
    apiKeyId: actor.apiKeyId,
  };
}

export async function resolveOrgForApiKey(slug: string, actor: ApiKeyActor, request?: Request): Promise<OrgAccess | null> {
  // Read with the key in this same request (lib/api-keys/authenticate.ts): no second query.
  if (actor.org && actor.org.slug === slug) return accessOf(actor, { id: actor.orgId, slug, role: actor.org.creatorRole as Role | null });
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
