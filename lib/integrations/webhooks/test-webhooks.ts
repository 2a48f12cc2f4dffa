// The webhook route as a provider calls it, and what a delivery left in the database,
// for the ingestion test files.
import { POST } from "@/app/api/webhooks/[provider]/[connectionId]/route";
import { getDb } from "../../db";
import { metrics } from "../../metrics/registry";
import { PROCESS_DELIVERY_TASK } from "./store";

export type WebhookAnswer = { status: number; headers: Headers; text: string; json: unknown };

export async function postWebhook(provider: string, connectionId: string, body: string | Buffer | ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<WebhookAnswer> {
  const init: RequestInit & { duplex?: "half" } = { method: "POST", headers, body: body as BodyInit };
  if (body instanceof ReadableStream) init.duplex = "half";
  const request = new Request(`http://localhost:3000/api/webhooks/${provider}/${connectionId}`, init);
  const response = await POST(request, { params: Promise.resolve({ provider, connectionId }) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A connection's stored deliveries (oldest first) and the processing jobs queued for them. */
export async function storedFor(connectionId: string) {
  const deliveries = await getDb().webhookDelivery.findMany({ where: { connectionId }, orderBy: { receivedAt: "asc" } });
  const jobs = await getDb().job.findMany({ where: { task: PROCESS_DELIVERY_TASK, uniqueKey: { in: deliveries.map((delivery) => `delivery:${delivery.id}`) } } });
  return { deliveries, jobs };
}

/** Jobs of the processing task created since `since` whose delivery row does not exist (a rolled-back duplicate must leave none). */
export async function orphanJobsSince(since: Date): Promise<number> {
  const rows = await getDb().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "Job" j
    WHERE j.task = ${PROCESS_DELIVERY_TASK} AND j."createdAt" >= ${since} AND j.payload->>'deliveryId' LIKE 'dlv\\_%'
      AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d.id = j.payload->>'deliveryId')`;
  return Number(rows[0]?.count ?? 0);
}

export async function refusalCount(provider: string, reason: string): Promise<number> {
  const metric = await metrics().registry.getSingleMetric("bastion_webhook_refusals_total")?.get();
  return metric?.values.find((value) => value.labels.provider === provider && value.labels.reason === reason)?.value ?? 0;
}
