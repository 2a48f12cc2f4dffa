// Access to console pages (server components), decided from the page's declaration in
// lib/authz/pages.ts: anonymous to sign-in, an org's old slug to the new one, not a member
// of the org: not found (its existence is not revealed), a member without the page's
// permission: 403. Cached per request so the layout and the page share one lookup.
import "server-only";
import { cookies } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "../auth/session-cookie";
import { findActiveSession, type ActiveSession } from "../auth/sessions";
import { resolveOrgForActor } from "../authz/org-resolver";
import { CONSOLE_PAGES, pagePath, type ConsolePage } from "../authz/pages";
import type { Permission, Role } from "../authz/permissions";
import { getDb } from "../db";
import { MfaRequired } from "../errors";

export type ConsoleAccess = {
  user: { id: string; email: string; name: string | null; sessionId: string };
  org: { id: string; slug: string; name: string };
  role: Role;
  permissions: Permission[];
  /** The org requires two-factor authentication this member has not set up: the day access ends. */
  mfaGraceEndsAt: Date | null;
};

export type PageDecision =
  | { kind: "sign-in" }
  | { kind: "not-found" }
  | { kind: "moved"; slug: string }
  | { kind: "forbidden"; permission: Permission }
  | { kind: "mfa-required"; user: ActiveSession; org: { id: string; slug: string; name: string } }
  | { kind: "allowed"; user: ActiveSession | null; access: ConsoleAccess | null };

/** What opening `page` (for the org `slug`, when it has one) answers to the holder of `sessionToken`. */
export async function decidePageAccess(page: ConsolePage, sessionToken: string | null, slug?: string): Promise<PageDecision> {
  const requirement = CONSOLE_PAGES[page];
  const user = sessionToken ? await findActiveSession(sessionToken) : null;
  if (requirement === "anyone") return { kind: "allowed", user, access: null };
  if (!user) return { kind: "sign-in" };
  if (requirement === "signed-in") return { kind: "allowed", user, access: null };
  if (!slug) throw new Error(`console page ${page} needs an org slug`);
  let resolved;
  try {
    resolved = await resolveOrgForActor(slug, { kind: "user", userId: user.userId, sessionId: user.sessionId });
  } catch (error) {
    if (!(error instanceof MfaRequired)) throw error;
    const org = await getDb().organization.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, name: true } });
    return { kind: "mfa-required", user, org };
  }
  if (!resolved) return { kind: "not-found" };
  if (resolved.redirectToSlug) return { kind: "moved", slug: resolved.redirectToSlug };
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: resolved.org.id }, select: { id: true, slug: true, name: true } });
  const access: ConsoleAccess = {
    user: { id: user.userId, email: user.email, name: user.name, sessionId: user.sessionId },
    org,
    role: resolved.role as Role,
    permissions: [...resolved.permissions] as Permission[],
    mfaGraceEndsAt: resolved.mfaGraceEndsAt ?? null,
  };
  if (!access.permissions.includes(requirement)) return { kind: "forbidden", permission: requirement };
  return { kind: "allowed", user, access };
}

const sessionToken = cache(async () => {
  const jar = await cookies();
  return jar.get(SECURE_SESSION_COOKIE)?.value ?? jar.get(SESSION_COOKIE)?.value ?? null;
});

const decide = cache(async (page: ConsolePage, slug: string | undefined) => decidePageAccess(page, await sessionToken(), slug));

/** Answers the decision: redirects, notFound() or forbidden() unless the page may render. */
async function enforce(page: ConsolePage, params: Record<string, string>) {
  const decision = await decide(page, params.slug);
  if (decision.kind === "sign-in") redirect(`/sign-in?next=${encodeURIComponent(pagePath(page, params))}`);
  if (decision.kind === "not-found") notFound();
  if (decision.kind === "moved") redirect(pagePath(page, { ...params, slug: decision.slug }));
  // 403 either way; for mfa-required the org layout (orgLayoutAccess) tells the boundary why.
  if (decision.kind === "forbidden" || decision.kind === "mfa-required") forbidden();
  return decision;
}

/** For an org page: the caller's access to the org, once the page's permission is checked. */
export async function requirePageAccess(page: ConsolePage, params: Record<string, string>): Promise<ConsoleAccess> {
  const { access } = await enforce(page, params);
  if (!access) throw new Error(`console page ${page} is not an org page`);
  return access;
}

/** For a page of the signed-in user (account, orgs list): that user. */
export async function requirePageUser(page: ConsolePage): Promise<ActiveSession> {
  const { user } = await enforce(page, {});
  if (!user) throw new Error(`console page ${page} is open to anyone: use pageUserIfAny`);
  return user;
}

/** For an "anyone" page: the signed-in user, or null. */
export async function pageUserIfAny(page: ConsolePage): Promise<ActiveSession | null> {
  return (await enforce(page, {})).user;
}

/** The org layout: membership only (every role holds org:read); each page checks its own permission. */
export async function requireOrgAccess(slug: string): Promise<ConsoleAccess> {
  return requirePageAccess("orgs/[slug]", { slug });
}

export type OrgLayoutAccess = { kind: "allowed"; access: ConsoleAccess } | { kind: "mfa-required"; user: ActiveSession; org: { id: string; slug: string; name: string } };

/** The org layout's view of access: like requireOrgAccess, but a member refused for missing MFA is told so inside the console frame. */
export async function orgLayoutAccess(slug: string): Promise<OrgLayoutAccess> {
  const decision = await decide("orgs/[slug]", slug);
  if (decision.kind === "mfa-required") return decision;
  return { kind: "allowed", access: await requireOrgAccess(slug) };
}
