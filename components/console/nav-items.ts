// The console's sections, in sidebar order, each with the permission needed to see it.
// One list read by the sidebar and the tests.
import type { Permission } from "@/lib/authz/permissions";

export type NavItem = { segment: string; label: string; description: string; permission: Permission };

export const consoleNav: readonly NavItem[] = [
  { segment: "", label: "Org", description: "Organization settings, domains and roles.", permission: "org:read" },
  { segment: "members", label: "Members", description: "People in this organization, their roles and invitations.", permission: "members:read" },
  { segment: "secrets", label: "Secrets", description: "Encrypted, versioned secrets with audited reveal.", permission: "secrets:read" },
  { segment: "integrations", label: "Integrations", description: "GitHub, GitLab, Jira, Linear and Slack connections.", permission: "integrations:read" },
  { segment: "activity", label: "Activity", description: "Events from connected tools and from Bastion.", permission: "integrations:read" },
  { segment: "billing", label: "Billing", description: "Plan, seats, usage and invoices.", permission: "billing:read" },
  { segment: "api-keys", label: "API keys", description: "Keys that let programs call the API, with scopes.", permission: "api-keys:manage" },
  { segment: "audit", label: "Audit log", description: "Every change made in this organization.", permission: "audit:read" },
];

export function navHref(slug: string, item: NavItem): string {
  return item.segment ? `/orgs/${slug}/${item.segment}` : `/orgs/${slug}`;
}
