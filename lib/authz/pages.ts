// Every console page (app/(console)/**/page.tsx) and what opening it requires: one
// declaration per page, read by the page's own access check (requirePageAccess) and by the
// page authorization matrix test, which fails for a page on disk missing here.
//   "signed-in": any signed-in user (anonymous: to sign-in)
//   "anyone":    the page itself tells anonymous visitors what to do
//   a permission: a member of the org in the URL holding it (outsider: 404, member without it: 403)
import type { Permission } from "./permissions";

export type PageRequirement = Permission | "signed-in" | "anyone";

export const CONSOLE_PAGES = {
  account: "signed-in",
  // Opened from an emailed link whose token must not travel on to the sign-in page.
  "account/confirm-email": "anyone",
  "api-reference": "signed-in",
  orgs: "signed-in",
  "orgs/[slug]": "org:read",
  "orgs/[slug]/activity": "integrations:read",
  "orgs/[slug]/api-keys": "api-keys:manage",
  "orgs/[slug]/audit": "audit:read",
  "orgs/[slug]/billing": "billing:read",
  "orgs/[slug]/integrations": "integrations:read",
  "orgs/[slug]/integrations/[connectionId]": "integrations:read",
  "orgs/[slug]/integrations/rules": "integrations:read",
  "orgs/[slug]/members": "members:read",
  "orgs/[slug]/roles": "org:read",
  "orgs/[slug]/secrets": "secrets:read",
} as const satisfies Record<string, PageRequirement>;

export type ConsolePage = keyof typeof CONSOLE_PAGES;

/** The page's path with its params filled in (where sign-in sends the user back to). */
export function pagePath(page: ConsolePage, params: Record<string, string> = {}): string {
  return "/" + page.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}

/** The console page a URL path shows (its most specific declaration), or null: how a 403 names what is missing. */
export function pageForPath(pathname: string): ConsolePage | null {
  const segments = pathname.replace(/\/+$/, "").split("/").filter(Boolean);
  let best: { page: ConsolePage; dynamic: number } | null = null;
  for (const page of Object.keys(CONSOLE_PAGES) as ConsolePage[]) {
    const pattern = page.split("/");
    if (pattern.length !== segments.length) continue;
    if (!pattern.every((part, index) => part.startsWith("[") || part === segments[index])) continue;
    // A literal segment beats a parameter: /integrations/rules is the rules page, not a connection.
    const dynamic = pattern.filter((part) => part.startsWith("[")).length;
    if (!best || dynamic < best.dynamic) best = { page, dynamic };
  }
  return best?.page ?? null;
}
