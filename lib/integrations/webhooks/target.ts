// The connection a webhook URL names: /api/webhooks/<provider>/<connectionId>. The id is
// the whole address, so an unknown provider, an unknown id and an id of another provider
// all answer the same 404; a disabled connection answers 410 (the provider should stop).
import "server-only";
import { getDb } from "../../db";
import { AppError, NotFound } from "../../errors";
import { isProvider, type Provider } from "../types";

export type WebhookTarget = { id: string; orgId: string; provider: Provider };

export async function findWebhookTarget(provider: string, connectionId: string): Promise<WebhookTarget> {
  if (!isProvider(provider) || connectionId.length > 64) throw new NotFound("Webhook endpoint");
  const connection = await getDb().integrationConnection.findUnique({ where: { id: connectionId }, select: { id: true, orgId: true, provider: true, status: true } });
  if (!connection || connection.provider !== provider) throw new NotFound("Webhook endpoint");
  if (connection.status === "disabled") throw new AppError("gone", "This integration is disabled; its webhooks are no longer accepted");
  return { id: connection.id, orgId: connection.orgId, provider: connection.provider };
}
