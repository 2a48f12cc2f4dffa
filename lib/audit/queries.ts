// Client-side data access for the audit console.
import { apiFetch } from "../api-client";

/** The console's filters, as they stand in the page URL (dates as YYYY-MM-DD). */
export const AUDIT_FILTER_KEYS = ["actor", "action", "target", "targetType", "from", "to"] as const;
export type AuditFilterValues = Record<(typeof AUDIT_FILTER_KEYS)[number], string>;
export type AuditItem = {
  id: string;
  createdAt: string;
  action: string;
  actorId: string | null;
  actorType: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: Record<string, unknown>;
  actor: { id: string; name: string | null; email: string } | null;
  /** The key an api_key actor used; name and prefix are null once the key is gone. */
  apiKey: { id: string; name: string | null; prefix: string | null } | null;
  target: { label: string; detail: string | null } | null;
};

/** GET …/audit/verify: the org's audit chain over its newest events (lib/audit/verify.ts). */
export type AuditChainState = {
  status: "verified" | "broken";
  checked: number;
  events: number;
  complete: boolean;
  brokenEventId: string | null;
  reason: "edited" | "relinked" | "missing" | "unchained" | "truncated" | null;
  verifiedAt: string;
};

export const auditKeys = {
  list: (slug: string, filters: AuditFilterValues) => ["orgs", slug, "audit", filters] as const,
  verify: (slug: string) => ["orgs", slug, "audit-verify"] as const,
};

export function fetchAuditChainState(slug: string) {
  return apiFetch<AuditChainState>(`/api/v1/orgs/${slug}/audit/verify`);
}

/** Filters as query parameters; dates from <input type="date"> cover whole days. */
export function auditSearchParams(filters: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "target", "targetType"] as const) if (filters[key]) params.set(key, filters[key]);
  if (filters.from) params.set("from", new Date(`${filters.from}T00:00:00`).toISOString());
  if (filters.to) params.set("to", new Date(`${filters.to}T23:59:59.999`).toISOString());
  return params;
}

export function fetchAuditPage(slug: string, filters: AuditFilterValues, cursor: string | null) {
  const params = auditSearchParams(filters);
  params.set("limit", "50");
  if (cursor) params.set("cursor", cursor);
  return apiFetch<{ items: AuditItem[]; nextCursor: string | null }>(`/api/v1/orgs/${slug}/audit?${params}`);
}
