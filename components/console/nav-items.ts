// The console's sections, grouped as the sidebar shows them, each with the permission
// needed to see it. One list read by the sidebar, the mobile drawer and the tests.
import type { Permission } from "@/lib/authz/permissions";

export type NavItem = { segment: string; label: string; description: string; permission: Permission };
export type NavGroup = { label: string; items: readonly NavItem[] };

export const consoleNavGroups: readonly NavGroup[] = [
  {
    label: "Organization",
    items: [
      { segment: "", label: "Settings", description: "Organization settings, domains, security and single sign-on.", permission: "org:read" },
      { segment: "members", label: "Members", description: "People in this organization, their roles and invitations.", permission: "members:read" },
      { segment: "roles", label: "Roles", description: "What each role may do.", permission: "org:read" },
      { segment: "billing", label: "Billing", description: "Plan, seats, usage and invoices.", permission: "billing:read" },
    ],
  },
  {
    label: "Security",
    items: [
      { segment: "secrets", label: "Secrets", description: "Encrypted, versioned secrets with audited reveal.", permission: "secrets:read" },
      { segment: "api-keys", label: "API keys", description: "Keys that let programs call the API, with scopes.", permission: "api-keys:manage" },
      { segment: "audit", label: "Audit log", description: "Every change made in this organization.", permission: "audit:read" },
    ],
  },
  {
    label: "Integrations",
    items: [
      { segment: "integrations", label: "Integrations", description: "GitHub, GitLab, Jira, Linear and Slack connections.", permission: "integrations:read" },
      { segment: "integrations/rules", label: "Notification rules", description: "Which events reach Slack, and where.", permission: "integrations:read" },
      { segment: "activity", label: "Activity", description: "Events from connected tools and from Bastion.", permission: "integrations:read" },
    ],
  },
];

/** Every section in sidebar order. */
export const consoleNav: readonly NavItem[] = consoleNavGroups.flatMap((group) => group.items);

export function navHref(slug: string, item: NavItem): string {
  return item.segment ? `/orgs/${slug}/${item.segment}` : `/orgs/${slug}`;
}

/**
 * The href among `hrefs` the page at `pathname` belongs to: the longest one that is the
 * path itself or a parent of it (a connection keeps Integrations lit, the rules page
 * lights its own entry). The org's overview only matches itself.
 */
export function activeHref(pathname: string, hrefs: readonly string[], exactOnly: readonly string[] = []): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    const matches = pathname === href || (!exactOnly.includes(href) && pathname.startsWith(`${href}/`));
    if (matches && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
