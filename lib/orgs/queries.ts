// Client-side data access for the org console: one query-key factory and typed fetchers.
import { apiFetch } from "../api-client";

export type OrgDomainItem = { id: string; domain: string; verifiedAt: string | null; record: { name: string; value: string } };
export type SsoSettings = { issuer: string; clientId: string; enforceForDomains: boolean; hasClientSecret: boolean; callbackUrl?: string } | null;

export const orgKeys = {
  org: (slug: string) => ["orgs", slug] as const,
  domains: (slug: string) => ["orgs", slug, "domains"] as const,
  sso: (slug: string) => ["orgs", slug, "sso"] as const,
  saml: (slug: string) => ["orgs", slug, "sso", "saml"] as const,
  ssoJit: (slug: string) => ["orgs", slug, "sso", "jit"] as const,
  transfer: (slug: string) => ["orgs", slug, "ownership-transfer"] as const,
  mfaPolicy: (slug: string) => ["orgs", slug, "mfa-policy"] as const,
};

export const fetchDomains = (slug: string) => apiFetch<{ items: OrgDomainItem[] }>(`/api/v1/orgs/${slug}/domains`);
export const fetchSso = (slug: string) => apiFetch<{ sso: SsoSettings; callbackUrl?: string }>(`/api/v1/orgs/${slug}/sso`);
export const fetchTransfer = (slug: string) =>
  apiFetch<{ pending: { fromUserId: string; toUserId: string; expiresAt: string } | null }>(`/api/v1/orgs/${slug}/ownership-transfer`);

export type MfaPolicy = { required: boolean; requiredSince: string | null; graceDays: number; graceEndsAt: string | null; ssoSatisfies: boolean; ssoAcceptedValues: string[] };
export const fetchMfaPolicy = (slug: string) => apiFetch<{ mfaPolicy: MfaPolicy }>(`/api/v1/orgs/${slug}/mfa-policy`);
