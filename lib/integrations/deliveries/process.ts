// Processing one stored webhook delivery (the "integrations.process-delivery" job):
// normalize it, apply the loop guard, record its org event with the notify jobs of the
// rules it matches, and mark it processed, in one transaction. A failure records the
// error on the delivery and rethrows, so the queue retries with backoff; after the job's
// last attempt the delivery is dead until someone redelivers it. Re-running a delivery
// (a retry after a crash, a redelivery) records nothing twice: its event is unique.
// No "server-only" marker: the worker (plain Node) runs this.
import type { Db } from "../../db";
import { recordOrgEvent } from "../events/record";
import { normalizers } from "../normalizers";
import { causedByBastion } from "./loop-guard";

export const PROCESS_DELIVERY_TASK = "integrations.process-delivery";

/**
 * recorded: a new org event; duplicate: its event existed already; not_an_event: the
 * normalizer ignores it (a ping); own_event: caused by Bastion's bot (loop guard);
 * already_processed / missing: nothing to do.
 */
export type ProcessOutcome = "recorded" | "duplicate" | "not_an_event" | "own_event" | "already_processed" | "missing";

type Attempt = { attempt: number; maxAttempts?: number };

const asConfig = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** One line for the delivery log; messages come from our code and the database, never from credentials. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return message.replace(/\s+/g, " ").trim().slice(0, 500) || "processing failed";
}

export async function processDelivery(db: Db, deliveryId: string, attempt: Attempt): Promise<ProcessOutcome> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { connection: { select: { provider: true, config: true } } } });
  // Gone with its disconnected connection, or done by a run whose job a crash left unfinished.
  if (!delivery) return "missing";
  if (delivery.status === "processed") return "already_processed";
  await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "processing", attempts: { increment: 1 } } });
  try {
    const event = normalizers[delivery.provider]({ eventType: delivery.eventType, action: delivery.action, payload: delivery.payload, receivedAt: delivery.receivedAt });
    const own = event !== null && causedByBastion({ provider: delivery.connection.provider, config: asConfig(delivery.connection.config) }, event, delivery.payload);
    return await db.$transaction(async (tx) => {
      // Locked, so a retry and a redelivery of the same delivery take turns.
      await tx.$queryRaw`SELECT id FROM "WebhookDelivery" WHERE id = ${delivery.id} FOR UPDATE`;
      let outcome: ProcessOutcome = event === null ? "not_an_event" : own ? "own_event" : "duplicate";
      if (event && !own) outcome = (await recordOrgEvent(tx, delivery.orgId, event, delivery.id)).created ? "recorded" : "duplicate";
      await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "processed", processedAt: new Date(), lastError: null } });
      return outcome;
    });
  } catch (error) {
    const last = attempt.maxAttempts !== undefined && attempt.attempt >= attempt.maxAttempts;
    await db.webhookDelivery
      .updateMany({ where: { id: delivery.id }, data: { status: last ? "dead" : "failed", lastError: describeError(error) } })
      .catch(() => undefined);
    throw error;
  }
}
