// The one way subscription state enters Bastion: read from Stripe (never taken from a
// webhook payload or a redirect), then written under the org's billing lock with a
// watermark: the moment of the read. A write whose read is older than the stored one is
// dropped, so a slow concurrent sync or an old event never overwrites newer state. Webhook
// jobs, the checkout return and the seat job all come through here.
// No "server-only" marker: the webhook job (worker) runs it.
import type Stripe from "stripe";
import { getDb } from "../db";
import { customerIdOf } from "./customer";
import { forgetEntitlements } from "./entitlements";
import { withOrgBillingLock } from "./lock";
import { trackOrg } from "../telemetry/server";
import { recordTransitions, type ProductChange, type UnpaidInvoice } from "./transitions";
import { stripe } from "./stripe";
import { currentSubscription, DUNNING_STATUSES, LIVE_STATUSES, subscriptionFields } from "./subscription-fields";

export type SyncResult = "written" | "stale" | "no_customer" | "no_subscription";

export async function liveSubscriptionOf(customerId: string): Promise<Stripe.Subscription | null> {
  const { data } = await stripe().subscriptions.list({ customer: customerId, status: "all", limit: 20 });
  return data.find((subscription) => LIVE_STATUSES.has(subscription.status)) ?? null;
}

/** Writes `subscription` (read from Stripe at `readAt`) unless newer state is stored. */
export async function writeSubscription(orgId: string, subscription: Stripe.Subscription, readAt: Date, eventAt: Date | null, unpaid: UnpaidInvoice | null = null): Promise<SyncResult> {
  const fields = subscriptionFields(subscription);
  let changes: ProductChange[] = [];
  const result = await getDb().$transaction(async (tx) => {
    const [stored] = await tx.$queryRaw<{ readAt: Date }[]>`SELECT "readAt" FROM "Subscription" WHERE "orgId" = ${orgId} FOR UPDATE`;
    if (stored && stored.readAt > readAt) return "stale" as const;
    const previous = stored ? await tx.subscription.findUnique({ where: { orgId } }) : null;
    const dunning = DUNNING_STATUSES.has(fields.status);
    const stillDunning = dunning && previous && DUNNING_STATUSES.has(previous.status) && previous.stripeSubscriptionId === fields.stripeSubscriptionId;
    const pastDueSince = dunning ? (stillDunning ? previous.pastDueSince : readAt) : null;
    const newestEvent = previous?.stripeEventAt && (!eventAt || previous.stripeEventAt > eventAt) ? previous.stripeEventAt : eventAt;
    const data = { ...fields, pastDueSince, readAt, stripeEventAt: newestEvent };
    await tx.subscription.upsert({ where: { orgId }, create: { orgId, ...data }, update: data });
    changes = await recordTransitions(tx, orgId, previous, { ...fields, pastDueSince }, unpaid);
    return "written" as const;
  });
  forgetEntitlements(orgId);
  // Committed: now the product events (a rolled-back write sends none).
  for (const change of changes) trackOrg(change.event, change.ids);
  return result;
}

/** Re-reads the org's subscription from Stripe and stores it. `eventAt`: the Stripe event that asked, if any. */
export async function syncOrgSubscription(orgId: string, eventAt: Date | null = null): Promise<SyncResult> {
  return withOrgBillingLock(orgId, async () => {
    const customerId = await customerIdOf(orgId);
    if (!customerId) return "no_customer";
    const readAt = new Date();
    const { data } = await stripe().subscriptions.list({ customer: customerId, status: "all", limit: 20 });
    const subscription = currentSubscription(data);
    if (!subscription) return "no_subscription";
    return writeSubscription(orgId, subscription, readAt, eventAt, DUNNING_STATUSES.has(subscription.status) ? await unpaidInvoiceOf(customerId) : null);
  });
}

async function unpaidInvoiceOf(customerId: string): Promise<UnpaidInvoice | null> {
  const { data } = await stripe().invoices.list({ customer: customerId, status: "open", limit: 1 });
  const invoice = data[0];
  return invoice ? { amountDue: invoice.amount_due, currency: invoice.currency, url: invoice.hosted_invoice_url ?? null } : null;
}
