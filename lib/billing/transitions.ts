// What a subscription write changed, as audit events in the same transaction: plan or
// status changes, seat changes and a failed payment. A payment failing also fires the
// `payment.failed` Bastion event (Slack rules route it) and queues the dunning email.
// Returns the product (PostHog) events to send once the transaction has committed.
// No "server-only" marker: runs inside the webhook job.
import { recordAudit } from "../audit/record";
import type { Tx } from "../db";
import { recordPaymentFailed } from "../integrations/events/bastion";
import { enqueue } from "../jobs/queue";
import type { OrgTrackIds, ProductEvent } from "../telemetry/events";
import { DUNNING_STATUSES } from "./subscription-fields";

type Stored = { stripeSubscriptionId: string; status: string; plan: string; quantity: number; pastDueSince: Date | null };

export const DUNNING_EMAIL_TASK = "billing.dunning-email";

/** The unpaid invoice, as read from Stripe, for the payment.failed event. */
export type UnpaidInvoice = { amountDue: number; currency: string; url: string | null };

export type ProductChange = { event: ProductEvent; ids: OrgTrackIds };

export async function recordTransitions(tx: Tx, orgId: string, previous: Stored | null, next: Stored, unpaid: UnpaidInvoice | null): Promise<ProductChange[]> {
  const changes: ProductChange[] = [];
  const audit = (action: string, metadata: Record<string, string | number | null>) =>
    recordAudit(tx, { orgId, actorType: "system", action, targetType: "subscription", targetId: next.stripeSubscriptionId, metadata });

  if (!previous || previous.plan !== next.plan || previous.status !== next.status || previous.stripeSubscriptionId !== next.stripeSubscriptionId) {
    await audit("billing.plan_changed", { fromPlan: previous?.plan ?? null, toPlan: next.plan, fromStatus: previous?.status ?? null, toStatus: next.status });
    changes.push({ event: "plan changed", ids: { orgId, fromPlanId: previous?.plan, planId: next.plan, statusId: next.status } });
  }
  if (previous && previous.quantity !== next.quantity && previous.stripeSubscriptionId === next.stripeSubscriptionId) {
    await audit("billing.seats_changed", { from: previous.quantity, to: next.quantity });
    changes.push({ event: "seats changed", ids: { orgId, planId: next.plan, directionId: next.quantity > previous.quantity ? "added" : "removed" } });
  }
  const enteredDunning = DUNNING_STATUSES.has(next.status) && !(previous && DUNNING_STATUSES.has(previous.status) && previous.stripeSubscriptionId === next.stripeSubscriptionId);
  if (!enteredDunning) return changes;
  await audit("billing.payment_failed", { status: next.status, plan: next.plan });
  changes.push({ event: "payment failed", ids: { orgId, planId: next.plan, statusId: next.status } });
  const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { slug: true } });
  await recordPaymentFailed(tx, {
    orgId, orgSlug: org.slug, amountDue: unpaid?.amountDue ?? 0, currency: unpaid?.currency ?? "usd", invoiceUrl: unpaid?.url ?? null, occurredAt: next.pastDueSince ?? new Date(),
  });
  await enqueue(tx, DUNNING_EMAIL_TASK, { orgId, subscriptionId: next.stripeSubscriptionId }, { uniqueKey: `dunning:${next.stripeSubscriptionId}:${next.pastDueSince?.toISOString() ?? ""}` });
  return changes;
}
