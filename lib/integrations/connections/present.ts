// What the API shows of a connection: its settings and health, never its credentials.
import { appUrl } from "../../env";
import type { Provider } from "../types";

type ConnectionRow = {
  id: string;
  provider: Provider;
  method: string;
  name: string;
  baseUrl: string | null;
  externalId: string | null;
  status: "active" | "disabled";
  createdAt: Date;
  lastCheckedAt: Date | null;
  lastDeliveryAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  tokenExpiresAt: Date | null;
  lastSyncedAt: Date | null;
  webhookUnsigned: boolean;
};

/**
 * Where the provider posts this connection's webhooks. A GitHub App and a Slack app have
 * one URL for all their installations and workspaces, set once in the app's settings by
 * the instance's operator; the connection's own URL keeps working for them too.
 */
export function webhookUrlOf(connection: { provider: Provider; id: string; method: string }): string {
  if (connection.provider === "github" && connection.method === "app") return `${appUrl()}/api/webhooks/github`;
  if (connection.provider === "slack") return `${appUrl()}/api/webhooks/slack`;
  return `${appUrl()}/api/webhooks/${connection.provider}/${connection.id}`;
}

export function presentConnection(row: ConnectionRow) {
  return {
    id: row.id,
    provider: row.provider,
    method: row.method,
    name: row.name,
    baseUrl: row.baseUrl,
    externalId: row.externalId,
    status: row.status,
    webhookUrl: webhookUrlOf(row),
    /** Webhooks accepted without a signature (Jira Data Center, chosen by an admin). */
    webhookUnsigned: row.webhookUnsigned,
    createdAt: row.createdAt,
    lastCheckedAt: row.lastCheckedAt,
    lastDeliveryAt: row.lastDeliveryAt,
    lastErrorAt: row.lastErrorAt,
    lastError: row.lastError,
    tokenExpiresAt: row.tokenExpiresAt,
    lastSyncedAt: row.lastSyncedAt,
  };
}

export type PresentedConnection = ReturnType<typeof presentConnection>;

export function presentResource(row: { id: string; kind: string; externalId: string; name: string; url: string | null }) {
  return { id: row.id, kind: row.kind, externalId: row.externalId, name: row.name, url: row.url };
}
