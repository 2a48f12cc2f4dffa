// Steps 3 and 4 of the pipeline: resolve the org from the URL slug with the caller's
// membership (not a member: 404, never revealing that the org exists), then check the
// route's permission against the role's permissions (lib/authz).
import { resolveOrgForActor } from "../authz/org-resolver";
import { Forbidden, NotFound } from "../errors";
import type { Actor } from "./authenticate";

export type OrgAccess = {
  org: { id: string; slug: string };
  role: string;
  permissions: ReadonlySet<string>;
  /** Set when the URL used a former slug of the org: the caller is sent to the current one. */
  redirectToSlug?: string;
};

export type OrgResolver = (slug: string, actor: Actor | null) => Promise<OrgAccess | null>;

let resolver: OrgResolver = resolveOrgForActor;

export function registerOrgResolver(next: OrgResolver): void {
  resolver = next;
}

export async function resolveOrg(slug: string, actor: Actor | null): Promise<OrgAccess> {
  const access = await resolver(slug, actor);
  if (!access) throw new NotFound("Organization");
  return access;
}

export function authorize(access: OrgAccess | null, permission: string | undefined): void {
  if (!permission) return;
  if (!access || !access.permissions.has(permission)) throw new Forbidden();
}
