// Background task of the delivery log: process one stored webhook delivery.
// No "server-only" marker: the worker (plain Node) loads this.
import { defineTask } from "../../jobs/tasks";
import { logger } from "../../logger";
import { PROCESS_DELIVERY_TASK, processDelivery } from "./process";

export const processDeliveryTask = defineTask<{ deliveryId?: unknown }>({
  name: PROCESS_DELIVERY_TASK,
  // Processing takes milliseconds (renewed while it runs): a worker that died mid-job hands it on after 15 s.
  lockMs: 15_000,
  async run(payload, { db, attempt, maxAttempts }) {
    if (typeof payload.deliveryId !== "string") throw new Error("the job names no delivery");
    const outcome = await processDelivery(db, payload.deliveryId, { attempt, maxAttempts });
    // The loop guard's and the normalizer's decisions leave no event behind; the log says why.
    logger.info({ deliveryId: payload.deliveryId, outcome }, "delivery processed");
  },
  // A worker that died during the last attempt never reached processDelivery's own
  // dead-marking: without this the delivery would stay "processing" until redelivered.
  async onDead(payload, { db, error }) {
    if (typeof payload.deliveryId !== "string") return;
    await db.webhookDelivery.updateMany({
      where: { id: payload.deliveryId, status: { in: ["pending", "processing", "failed"] } },
      data: { status: "dead", lastError: error.slice(0, 500) },
    });
  },
});
