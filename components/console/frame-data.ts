// What the console frame shows around a page outside an organization (account, API
// reference, the org list, a refusal): the user's organizations, and the one last opened
// with the sections its role opens, so the sidebar still leads back into it.
import "server-only";
import { cookies } from "next/headers";
import type { ActiveSession } from "@/lib/auth/sessions";
import { permissionsOf, type Role } from "@/lib/authz/permissions";
import { LAST_ORG_COOKIE } from "@/lib/orgs/last-org";
import { listOrgsOf } from "@/lib/orgs/orgs";
import type { OrgOption } from "./org-switcher";

export type FrameData = { orgs: OrgOption[]; lastOrg: OrgOption | null; permissions: string[] };

export async function frameDataFor(user: ActiveSession): Promise<FrameData> {
  const memberships = await listOrgsOf(user.userId);
  const lastSlug = (await cookies()).get(LAST_ORG_COOKIE)?.value;
  const last = memberships.find((org) => org.slug === lastSlug) ?? (memberships.length === 1 ? memberships[0] : undefined);
  return {
    orgs: memberships.map((org) => ({ slug: org.slug, name: org.name })),
    lastOrg: last ? { slug: last.slug, name: last.name } : null,
    permissions: last ? [...permissionsOf(last.role as Role)] : [],
  };
}
