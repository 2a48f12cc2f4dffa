// Client-side data access for the audit console.
import { apiFetch } from "../api-client";

export type AuditFilterValues = { action: string; actorId: string; targetType: string; from: string; to: string };
export type AuditItem = {
  id: string;
  createdAt: string;
  action: string;
  actorId: string | null;
  actorType: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  metadata: unknown;
  actor: { id: string; name: string | null; email: string } | null;
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
  if (filters.action) params.set("action", filters.action);
  if (filters.actorId) params.set("actorId", filters.actorId);
  if (filters.targetType) params.set("targetType", filters.targetType);
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
