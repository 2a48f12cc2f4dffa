// Steps 3 and 4 of the pipeline: resolve the org from the URL slug with the caller's
// membership (not a member: 404, never revealing that the org exists), then check the
// route's permission against the role's permissions (lib/authz). API-key callers hold
// their scopes intersected with their creator's role; a refusal of a key is audited.
import { recordApiKeyDenial } from "../api-keys/denials";
import { resolveOrgForActor } from "../authz/org-resolver";
import { Forbidden, NotFound } from "../errors";
import type { Actor } from "./authenticate";

export type OrgAccess = {
  org: { id: string; slug: string };
  role: string;
  permissions: ReadonlySet<string>;
  /** Set when the URL used a former slug of the org: the caller is sent to the current one. */
  redirectToSlug?: string;
  /** Set when an API key is calling (its refusals are audited). */
  apiKeyId?: string;
  /** Set while the org requires two-factor authentication the member has not set up yet: when access ends. */
  mfaGraceEndsAt?: Date;
};

export type OrgResolver = (slug: string, actor: Actor | null, request?: Request) => Promise<OrgAccess | null>;

let resolver: OrgResolver = resolveOrgForActor;

export function registerOrgResolver(next: OrgResolver): void {
  resolver = next;
}

export async function resolveOrg(slug: string, actor: Actor | null, request?: Request): Promise<OrgAccess> {
  const access = await resolver(slug, actor, request);
  if (!access) throw new NotFound("Organization");
  return access;
}

export async function authorize(access: OrgAccess | null, permission: string | undefined, actor?: Actor | null, request?: Request): Promise<void> {
  if (!permission) return;
  if (access && access.permissions.has(permission)) return;
  if (access?.apiKeyId && actor?.kind === "apiKey" && request) {
    await recordApiKeyDenial(request, { id: actor.apiKeyId, orgId: actor.orgId, createdById: actor.userId }, "insufficient_scope", { permission });
    throw new Forbidden(`This API key lacks the ${permission} permission`);
  }
  if (actor?.kind === "externalToken") throw new Forbidden(`This token lacks the ${permission} permission`);
  throw new Forbidden();
}
