// The console's sections, in sidebar order. One list read by the sidebar and the tests.
export type NavItem = { segment: string; label: string; description: string };

export const consoleNav: readonly NavItem[] = [
  { segment: "", label: "Org", description: "Organization settings, quotas and usage." },
  { segment: "members", label: "Members", description: "People in this organization, their roles and invitations." },
  { segment: "secrets", label: "Secrets", description: "Encrypted, versioned secrets with audited reveal." },
  { segment: "integrations", label: "Integrations", description: "GitHub, GitLab, Jira, Linear and Slack connections." },
  { segment: "billing", label: "Billing", description: "Plan, seats, usage and invoices." },
  { segment: "audit", label: "Audit log", description: "Every change made in this organization." },
];

export function navHref(slug: string, item: NavItem): string {
  return item.segment ? `/orgs/${slug}/${item.segment}` : `/orgs/${slug}`;
}
