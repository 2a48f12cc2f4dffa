// Org access for console pages (server components): the signed-in user's membership in
// the org named by the URL. Signed out: to sign-in. Old slug: to the new one. Not a
// member: not found. Cached per request so the layout and the page share one lookup.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getCurrentUser } from "../auth/current-user";
import { resolveOrgForActor } from "../authz/org-resolver";
import type { Permission, Role } from "../authz/permissions";
import { getDb } from "../db";

export type ConsoleAccess = {
  user: { id: string; email: string; name: string | null; sessionId: string };
  org: { id: string; slug: string; name: string };
  role: Role;
  permissions: Permission[];
};

export const requireUser = cache(async (nextPath: string) => {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(nextPath)}`);
  return user;
});

export const requireOrgAccess = cache(async (slug: string, subPath = ""): Promise<ConsoleAccess> => {
  const user = await requireUser(`/orgs/${slug}${subPath}`);
  const access = await resolveOrgForActor(slug, { kind: "user", userId: user.userId, sessionId: user.sessionId });
  if (!access) notFound();
  if (access.redirectToSlug) redirect(`/orgs/${access.redirectToSlug}${subPath}`);
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: access.org.id }, select: { id: true, slug: true, name: true } });
  return {
    user: { id: user.userId, email: user.email, name: user.name, sessionId: user.sessionId },
    org,
    role: access.role as Role,
    permissions: [...access.permissions] as Permission[],
  };
});
