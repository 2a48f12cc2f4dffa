// The connection a webhook URL names: /api/webhooks/<provider>/<connectionId>. The id is
// the whole address, so an unknown provider, an unknown id and an id of another provider
// all answer the same 404; a disabled connection answers 410 (the provider should stop).
// Active connections are remembered for a few seconds, which saves a query per delivery
// in a burst; the insert re-checks the connection in its own statement (store.ts), so a
// connection disabled or deleted meanwhile still stores nothing.
import "server-only";
import { getPool } from "../../db";
import { AppError, NotFound } from "../../errors";
import { processSingleton } from "../../runtime";
import { isProvider, type Provider } from "../types";

/** `webhookUnsigned`: an admin chose unsigned webhooks (Jira Data Center); absent for app-level targets. */
export type WebhookTarget = { id: string; orgId: string; provider: Provider; webhookUnsigned?: boolean };

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const active = () => processSingleton("webhook-target-cache", () => new Map<string, WebhookTarget & { expiresAt: number }>());

export function connectionGone(): AppError {
  return new AppError("gone", "This integration is disabled; its webhooks are no longer accepted");
}

export function endpointNotFound(): NotFound {
  return new NotFound("Webhook endpoint");
}

export async function findWebhookTarget(provider: string, connectionId: string): Promise<WebhookTarget> {
  if (!isProvider(provider) || connectionId.length > 64) throw endpointNotFound();
  const hit = active().get(connectionId);
  if (hit && hit.expiresAt > Date.now()) {
    if (hit.provider !== provider) throw endpointNotFound();
    return { id: hit.id, orgId: hit.orgId, provider: hit.provider, webhookUnsigned: hit.webhookUnsigned };
  }
  const { rows } = await getPool().query<{ id: string; orgId: string; provider: Provider; status: string; webhookUnsigned: boolean }>({
    name: "webhooks.find-target-signing",
    text: `SELECT id, "orgId", provider, status, "webhookUnsigned" FROM "IntegrationConnection" WHERE id = $1`,
    values: [connectionId],
  });
  const connection = rows[0];
  if (!connection || connection.provider !== provider) throw endpointNotFound();
  if (connection.status !== "active") throw connectionGone();
  const target = { id: connection.id, orgId: connection.orgId, provider: connection.provider, webhookUnsigned: connection.webhookUnsigned };
  if (active().size >= MAX_ENTRIES) active().clear();
  active().set(connectionId, { ...target, expiresAt: Date.now() + TTL_MS });
  return target;
}

/** Drops this process's remembered target (after its signing mode changed). */
export function forgetWebhookTarget(connectionId: string): void {
  active().delete(connectionId);
}
