// Stores a verified delivery and queues its processing, atomically: the job and the
// delivery row (which names its job) are written in one transaction, or neither is.
// A delivery id already stored for the connection is a duplicate (a retry, a redelivery,
// a replay): the transaction is rolled back and nothing changes.
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "../../db";
import { BadRequest } from "../../errors";
import { enqueue } from "../../jobs/queue";
import type { ParsedDelivery } from "../types";
import type { WebhookTarget } from "./target";

export const PROCESS_DELIVERY_TASK = "integrations.process-delivery";

/** lastDeliveryAt is refreshed at most this often, so a burst does not queue on the connection's row lock. */
const LAST_DELIVERY_RESOLUTION = "1 second";

/** An escaped NUL (an odd number of backslashes, then u0000): valid JSON that PostgreSQL's jsonb refuses. */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

class Duplicate extends Error {}

export function newDeliveryId(): string {
  return `dlv_${randomBytes(12).toString("base64url")}`;
}

export async function storeDelivery(target: WebhookTarget, delivery: ParsedDelivery, headers: Record<string, string>): Promise<"stored" | "duplicate"> {
  const id = newDeliveryId();
  const payload = JSON.stringify(delivery.payload);
  if (ESCAPED_NUL.test(payload)) throw new BadRequest("The webhook body contains a NUL character, which cannot be stored");
  try {
    await getDb().$transaction(async (tx) => {
      // The job first: its id goes into the delivery row, which saves a statement; a
      // duplicate's rollback takes the job with it.
      const jobId = await enqueue(tx, PROCESS_DELIVERY_TASK, { deliveryId: id }, { uniqueKey: `delivery:${id}` });
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        WITH delivery AS (
          INSERT INTO "WebhookDelivery" (id, "orgId", "connectionId", provider, "deliveryId", "eventType", action, headers, payload, "jobId")
          VALUES (${id}, ${target.orgId}, ${target.id}, ${target.provider}::"IntegrationProvider", ${delivery.deliveryId}, ${delivery.eventType},
                  ${delivery.action}, ${JSON.stringify(headers)}::jsonb, ${payload}::jsonb, ${jobId})
          ON CONFLICT ("connectionId", "deliveryId") DO NOTHING
          RETURNING id),
        touched AS (
          UPDATE "IntegrationConnection" SET "lastDeliveryAt" = now()
          WHERE id = ${target.id} AND EXISTS (SELECT 1 FROM delivery)
            AND ("lastDeliveryAt" IS NULL OR "lastDeliveryAt" < now() - ${LAST_DELIVERY_RESOLUTION}::interval))
        SELECT id FROM delivery`;
      if (inserted.length === 0) throw new Duplicate();
    });
    return "stored";
  } catch (error) {
    if (error instanceof Duplicate) return "duplicate";
    throw error;
  }
}
