// Client-side data access for API keys: one query-key factory and typed fetchers.
import { apiFetch } from "../api-client";

export type ApiKeyListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  createdAt: string;
};

export const apiKeyKeys = {
  list: (slug: string) => ["orgs", slug, "api-keys"] as const,
};

export const fetchApiKeys = (slug: string) => apiFetch<{ items: ApiKeyListItem[] }>(`/api/v1/orgs/${slug}/api-keys`);

export const createApiKeyRequest = (slug: string, body: { name: string; scopes: string[]; expiresAt?: string | null }) =>
  apiFetch<{ apiKey: ApiKeyListItem; key: string }>(`/api/v1/orgs/${slug}/api-keys`, { body });

export const revokeApiKeyRequest = (slug: string, keyId: string) => apiFetch<{ apiKey: ApiKeyListItem }>(`/api/v1/orgs/${slug}/api-keys/${keyId}`, { method: "DELETE" });
