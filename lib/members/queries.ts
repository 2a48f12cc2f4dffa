// Client-side data access for the members console: query keys (one factory, no inline
// keys) and the typed fetchers behind them.
import { apiFetch } from "../api-client";

export type MemberItem = { membershipId: string; userId: string; name: string | null; email: string; role: string; joinedAt: string; mfaEnabled: boolean };
export type MembersPage = { items: MemberItem[]; nextCursor: string | null };
export type PendingInvitation = {
  id: string;
  kind: "email" | "link";
  email: string | null;
  allowedDomains: string[];
  role: string;
  expiresAt: string;
  acceptedCount: number;
  invitedBy: { name: string | null; email: string } | null;
};

export const memberKeys = {
  all: (slug: string) => ["orgs", slug, "members"] as const,
  list: (slug: string, query: string) => ["orgs", slug, "members", "list", query] as const,
  invitations: (slug: string) => ["orgs", slug, "members", "invitations"] as const,
};

export function fetchMembers(slug: string, query: string, cursor?: string | null): Promise<MembersPage> {
  const params = new URLSearchParams({ limit: "50" });
  if (query) params.set("query", query);
  if (cursor) params.set("cursor", cursor);
  return apiFetch(`/api/v1/orgs/${slug}/members?${params}`);
}

export function fetchInvitations(slug: string): Promise<{ items: PendingInvitation[] }> {
  return apiFetch(`/api/v1/orgs/${slug}/invitations`);
}
