// Client-side data access for the trusted-issuers panel.
import { apiFetch } from "../api-client";

export type TrustedIssuerItem = {
  id: string;
  issuer: string;
  audience: string;
  algorithms: string[];
  jwksUrl: string;
  role: "admin" | "billing" | "member" | null;
  scopes: string[];
  scopeClaim: string | null;
  lastUsedAt: string | null;
  createdAt: string;
};

export type TrustedIssuerInput = {
  issuer: string;
  audience: string;
  algorithms: string[];
  jwksUrl?: string | null;
  role?: "admin" | "billing" | "member" | null;
  scopes?: string[];
  scopeClaim?: string | null;
};

export const trustedIssuerKeys = {
  list: (slug: string) => ["orgs", slug, "trusted-issuers"] as const,
};

export const fetchTrustedIssuers = (slug: string) => apiFetch<{ items: TrustedIssuerItem[] }>(`/api/v1/orgs/${slug}/trusted-issuers`);

export const createTrustedIssuerRequest = (slug: string, body: TrustedIssuerInput) => apiFetch<TrustedIssuerItem>(`/api/v1/orgs/${slug}/trusted-issuers`, { body });

export const deleteTrustedIssuerRequest = (slug: string, issuerId: string) => apiFetch<null>(`/api/v1/orgs/${slug}/trusted-issuers/${issuerId}`, { method: "DELETE" });
