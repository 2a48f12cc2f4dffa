// Client-side data access for the integrations console: the shapes the API answers with,
// one query-key factory (no inline keys) and the typed fetchers behind it. The hooks that
// use them are in query-hooks.ts.
import { apiFetch } from "../api-client";
import type { Provider } from "./types";

export type ConnectionItem = {
  id: string;
  provider: Provider;
  method: string;
  name: string;
  baseUrl: string | null;
  externalId: string | null;
  status: "active" | "disabled";
  webhookUrl: string;
  /** Webhooks accepted without a signature (Jira Data Center, chosen by an admin). */
  webhookUnsigned: boolean;
  createdAt: string;
  lastCheckedAt: string | null;
  lastDeliveryAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  tokenExpiresAt: string | null;
  lastSyncedAt: string | null;
};
export type OAuthAvailability = Record<Provider, boolean>;
export type ConnectionsList = { items: ConnectionItem[]; oauth: OAuthAvailability };

/** The token and key methods of POST …/integrations (Slack and OAuth go through the oauth route). */
export type ConnectInput = { name?: string } & (
  | { provider: "github"; method: "token"; token: string }
  | { provider: "github"; method: "app"; installationId: string }
  | { provider: "gitlab"; method: "token"; token: string; baseUrl?: string }
  | { provider: "jira"; method: "api_key"; baseUrl: string; email: string; token: string }
  | { provider: "jira"; method: "token"; baseUrl: string; token: string }
  | { provider: "linear"; method: "api_key"; token: string }
);

export type ResourceKind = "repository" | "project" | "team" | "channel";
export type ResourceItem = { id: string; kind: ResourceKind; externalId: string; name: string; url: string | null };

export const DELIVERY_STATUSES = ["pending", "processing", "processed", "failed", "dead"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryItem = {
  id: string;
  deliveryId: string;
  eventType: string;
  action: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
  processedAt: string | null;
};
export type DeliveryDetail = DeliveryItem & { headers: Record<string, string>; payload: unknown };
export type Page<T> = { items: T[]; nextCursor: string | null };

export type ActivityItem = { id: string; source: string; type: string; action: string | null; actor: string | null; resource: string | null; url: string | null; summary: string; occurredAt: string };

export type RuleItem = {
  id: string;
  name: string;
  source: string;
  eventTypes: string[];
  resource: string | null;
  slackConnectionId: string;
  channelId: string;
  channelName: string;
  enabled: boolean;
  createdAt: string;
};
export type RuleInput = Omit<RuleItem, "id" | "createdAt">;

export const integrationKeys = {
  all: (slug: string) => ["orgs", slug, "integrations"] as const,
  list: (slug: string) => ["orgs", slug, "integrations", "list"] as const,
  /** Everything about one connection (its detail, resources, deliveries). */
  connection: (slug: string, id: string) => ["orgs", slug, "integrations", "connection", id] as const,
  detail: (slug: string, id: string) => ["orgs", slug, "integrations", "connection", id, "detail"] as const,
  resources: (slug: string, id: string, kind: ResourceKind | "") => ["orgs", slug, "integrations", "connection", id, "resources", kind] as const,
  allResources: (slug: string, id: string) => ["orgs", slug, "integrations", "connection", id, "resources"] as const,
  deliveries: (slug: string, id: string, status: DeliveryStatus | "") => ["orgs", slug, "integrations", "connection", id, "deliveries", status] as const,
  allDeliveries: (slug: string, id: string) => ["orgs", slug, "integrations", "connection", id, "deliveries"] as const,
  delivery: (slug: string, id: string, deliveryId: string) => ["orgs", slug, "integrations", "connection", id, "delivery", deliveryId] as const,
  /** Holds a just-created webhook secret from the connect dialog to the connection page; never fetched. */
  newWebhookSecret: (slug: string, id: string) => ["orgs", slug, "integrations", "connection", id, "new-webhook-secret"] as const,
  rules: (slug: string) => ["orgs", slug, "notification-rules"] as const,
  activity: (slug: string, source: string) => ["orgs", slug, "activity", source] as const,
};

const base = (slug: string) => `/api/v1/orgs/${slug}/integrations`;
const one = (slug: string, id: string) => `${base(slug)}/${id}`;

export const fetchConnections = (slug: string) => apiFetch<ConnectionsList>(base(slug));
export const fetchConnection = (slug: string, id: string) => apiFetch<ConnectionItem>(one(slug, id));
export const connectRequest = (slug: string, body: ConnectInput) => apiFetch<{ connection: ConnectionItem; webhookSecret: string }>(base(slug), { method: "POST", body });
export const startOAuthRequest = (slug: string, provider: Provider, body: { baseUrl?: string; name?: string }) =>
  apiFetch<{ url: string }>(`${base(slug)}/oauth/${provider}`, { method: "POST", body });
export type ConnectionChange = { name?: string; status?: "active" | "disabled"; webhookUnsigned?: true };
export const updateConnectionRequest = (slug: string, id: string, body: ConnectionChange) =>
  apiFetch<ConnectionItem>(one(slug, id), { method: "PATCH", body });
export const disconnectRequest = (slug: string, id: string) => apiFetch<unknown>(one(slug, id), { method: "DELETE" });
/** A refusal by the provider is an answer too (ok false, its reason), kept as the connection's last error. */
export const checkRequest = (slug: string, id: string) => apiFetch<{ ok: boolean; error: string | null; connection: ConnectionItem }>(`${one(slug, id)}/check`, { method: "POST", body: {} });
export const rotateWebhookSecretRequest = (slug: string, id: string) => apiFetch<{ webhookSecret: string }>(`${one(slug, id)}/webhook-secret`, { method: "POST", body: {} });
export const setWebhookSecretRequest = (slug: string, id: string, secret: string) =>
  apiFetch<{ updated: true }>(`${one(slug, id)}/webhook-secret`, { method: "PUT", body: { secret } });
export const syncRequest = (slug: string, id: string) => apiFetch<unknown>(`${one(slug, id)}/sync`, { method: "POST", body: {} });

export function fetchResources(slug: string, id: string, kind: ResourceKind | ""): Promise<{ items: ResourceItem[] }> {
  return apiFetch(`${one(slug, id)}/resources${kind ? `?kind=${kind}` : ""}`);
}

export function fetchDeliveries(slug: string, id: string, status: DeliveryStatus | "", cursor: string | null): Promise<Page<DeliveryItem>> {
  const params = new URLSearchParams({ limit: "25" });
  if (status) params.set("status", status);
  if (cursor) params.set("cursor", cursor);
  return apiFetch(`${one(slug, id)}/deliveries?${params}`);
}
export const fetchDelivery = (slug: string, id: string, deliveryId: string) => apiFetch<DeliveryDetail>(`${one(slug, id)}/deliveries/${deliveryId}`);
export const redeliverRequest = (slug: string, id: string, deliveryId: string) => apiFetch<unknown>(`${one(slug, id)}/deliveries/${deliveryId}/redeliver`, { method: "POST", body: {} });

export function fetchActivity(slug: string, source: string, cursor: string | null): Promise<Page<ActivityItem>> {
  const params = new URLSearchParams();
  if (source) params.set("source", source);
  if (cursor) params.set("cursor", cursor);
  return apiFetch(`/api/v1/orgs/${slug}/activity?${params}`);
}

const rulesBase = (slug: string) => `/api/v1/orgs/${slug}/notification-rules`;
export const fetchRules = (slug: string) => apiFetch<{ items: RuleItem[] }>(rulesBase(slug));
export const createRuleRequest = (slug: string, body: RuleInput) => apiFetch<RuleItem>(rulesBase(slug), { method: "POST", body });
export const updateRuleRequest = (slug: string, ruleId: string, body: Partial<RuleInput>) => apiFetch<RuleItem>(`${rulesBase(slug)}/${ruleId}`, { method: "PATCH", body });
export const deleteRuleRequest = (slug: string, ruleId: string) => apiFetch<unknown>(`${rulesBase(slug)}/${ruleId}`, { method: "DELETE" });
