// Client-side data access for the SCIM panel: one query-key factory and typed fetchers.
import { apiFetch } from "../api-client";

export type ScimOverview = {
  endpoint: string;
  directory: { tokenPrefix: string; tokenIssuedAt: string; lastSyncAt: string | null; createdAt: string } | null;
  users: { active: number; inactive: number };
  groups: { id: string; displayName: string; role: "admin" | "billing" | "member" | null; members: number }[];
  events: { id: string; action: string; targetType: string | null; targetId: string | null; metadata: Record<string, unknown>; createdAt: string }[];
};

export const scimKeys = {
  overview: (slug: string) => ["orgs", slug, "scim"] as const,
};

export const fetchScimOverview = (slug: string) => apiFetch<ScimOverview>(`/api/v1/orgs/${slug}/scim`);

export const issueScimTokenRequest = (slug: string) => apiFetch<{ token: string; tokenPrefix: string; endpoint: string }>(`/api/v1/orgs/${slug}/scim`, { method: "POST" });

export const deleteScimDirectoryRequest = (slug: string) => apiFetch<null>(`/api/v1/orgs/${slug}/scim`, { method: "DELETE" });

export const linkScimGroupRequest = (slug: string, groupId: string, role: ScimOverview["groups"][number]["role"]) =>
  apiFetch<{ id: string; role: string | null }>(`/api/v1/orgs/${slug}/scim/groups/${groupId}`, { method: "PATCH", body: { role } });
