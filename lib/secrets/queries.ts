// Client-side data access for the secrets console: one query-key factory and the typed
// fetchers behind it. Values are fetched only by revealSecret, never cached in a query.
import { apiFetch } from "../api-client";

export type SecretItem = {
  id: string;
  key: string;
  description: string;
  environment: string | null;
  personal: boolean;
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};
export type SecretVersionItem = { version: number; createdById: string | null; createdAt: string; current: boolean };
export type ImportItem = { key: string; status: "new" | "conflict" | "deleted_conflict" | "invalid"; reason?: string };
export type ListFilter = { search: string; environment: string; deleted: boolean };

export const secretKeys = {
  all: (slug: string) => ["orgs", slug, "secrets"] as const,
  list: (slug: string, filter: ListFilter) => ["orgs", slug, "secrets", "list", filter] as const,
  versions: (slug: string, secretId: string) => ["orgs", slug, "secrets", "versions", secretId] as const,
};

const base = (slug: string) => `/api/v1/orgs/${slug}/secrets`;

export function fetchSecrets(slug: string, filter: ListFilter): Promise<{ items: SecretItem[] }> {
  const params = new URLSearchParams();
  if (filter.search) params.set("search", filter.search);
  if (filter.environment) params.set("environment", filter.environment);
  if (filter.deleted) params.set("deleted", "1");
  return apiFetch(`${base(slug)}?${params}`);
}

export const fetchVersions = (slug: string, secretId: string): Promise<{ items: SecretVersionItem[] }> => apiFetch(`${base(slug)}/${secretId}/versions`);

export const revealSecret = (slug: string, secretId: string): Promise<{ value: string; version: number }> =>
  apiFetch(`${base(slug)}/${secretId}/reveal`, { method: "POST", body: {} });

export const saveSecret = (slug: string, secretId: string | null, body: object) =>
  apiFetch<SecretItem>(secretId ? `${base(slug)}/${secretId}` : base(slug), { method: secretId ? "PATCH" : "POST", body });

export const deleteSecret = (slug: string, secretId: string) => apiFetch(`${base(slug)}/${secretId}`, { method: "DELETE" });
export const undeleteSecret = (slug: string, secretId: string) => apiFetch(`${base(slug)}/${secretId}/undelete`, { method: "POST" });
export const restoreVersion = (slug: string, secretId: string, version: number) =>
  apiFetch(`${base(slug)}/${secretId}/versions/${version}/restore`, { method: "POST" });

export const previewImport = (slug: string, content: string): Promise<{ items: ImportItem[] }> =>
  apiFetch(`${base(slug)}/import/preview`, { method: "POST", body: { content } });
export const commitImport = (slug: string, body: { content: string; environment: string | null; overwrite: boolean }) =>
  apiFetch<{ created: string[]; updated: string[]; skipped: string[] }>(`${base(slug)}/import`, { method: "POST", body });

export const rotateDataKey = (slug: string) => apiFetch<{ dataKeyVersion: number }>(`${base(slug)}/rotate-data-key`, { method: "POST" });

export const exportUrl = (slug: string, environment: string) => `${base(slug)}/export${environment ? `?environment=${encodeURIComponent(environment)}` : ""}`;
