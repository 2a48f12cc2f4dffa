// Redeliver (the delivery log's button): the delivery goes back to pending with a fresh
// processing job, in one audited transaction. Whatever its state, reprocessing is safe:
// an event already recorded for it is not recorded, nor notified, again.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "../../audit/record";
import { auditFields, type OrgContext } from "../../context";
import { getDb } from "../../db";
import { NotFound } from "../../errors";
import { enqueue } from "../../jobs/queue";
import { PROCESS_DELIVERY_TASK } from "./process";
import { presentDelivery } from "./present";

export async function redeliverDelivery(ctx: OrgContext, connectionId: string, deliveryId: string) {
  return getDb().$transaction(async (tx) => {
    const row = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, connectionId, orgId: ctx.org.id } });
    if (!row) throw new NotFound("Delivery");
    // A new unique key: the delivery's first job (delivery:<id>) may still exist, dead or done.
    const jobId = await enqueue(tx, PROCESS_DELIVERY_TASK, { deliveryId: row.id }, { uniqueKey: `delivery:${row.id}:redeliver:${randomUUID()}` });
    const updated = await tx.webhookDelivery.update({ where: { id: row.id }, data: { status: "pending", lastError: null, processedAt: null, jobId } });
    await recordAudit(tx, {
      ...auditFields(ctx),
      action: "integration.delivery_redelivered",
      targetType: "webhook_delivery",
      targetId: row.id,
      metadata: { connectionId, deliveryId: row.deliveryId, eventType: row.eventType, previousStatus: row.status },
    });
    return presentDelivery(updated);
  });
}
