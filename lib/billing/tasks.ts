// Billing's background tasks. A stored Stripe event is processed by re-reading the org's
// subscription from Stripe (sync.ts): the payload only says which customer to look at, so
// duplicates and any order of delivery end in Stripe's current state. Unknown types and
// customers Bastion did not create are acknowledged and ignored.
import { getDb } from "../db";
import { appUrl } from "../env";
import { defineTask } from "../jobs/tasks";
import { logger } from "../logger";
import { sendMail } from "../mail/send";
import { orgIdOfCustomer } from "./customer";
import { meterUsage } from "./metering";
import { syncOrgSubscription } from "./sync";
import { DUNNING_EMAIL_TASK } from "./transitions";

export const PROCESS_STRIPE_EVENT_TASK = "billing.process-event";

export const HANDLED_STRIPE_EVENTS = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "customer.subscription.paused",
  "customer.subscription.resumed",
  "customer.subscription.trial_will_end",
  "invoice.paid",
  "invoice.payment_failed",
  "invoice.upcoming",
  "customer.updated",
]);

/** The Stripe customer an event is about: the object's `customer`, or the customer itself. */
export function customerOfEvent(type: string, object: Record<string, unknown>): string | null {
  if (type.startsWith("customer.") && !type.startsWith("customer.subscription.")) return typeof object.id === "string" ? object.id : null;
  const customer = object.customer;
  if (typeof customer === "string") return customer;
  if (customer && typeof customer === "object" && typeof (customer as { id?: unknown }).id === "string") return (customer as { id: string }).id;
  return null;
}

export const processStripeEventTask = defineTask<{ eventId: string }>({
  name: PROCESS_STRIPE_EVENT_TASK,
  maxAttempts: 12,
  async run({ eventId }, { db }) {
    const event = await db.stripeEvent.findUnique({ where: { id: eventId } });
    if (!event || event.processedAt) return;
    if (HANDLED_STRIPE_EVENTS.has(event.type)) {
      const object = ((event.payload as { data?: { object?: Record<string, unknown> } }).data?.object ?? {}) as Record<string, unknown>;
      const customerId = customerOfEvent(event.type, object);
      const orgId = customerId ? await orgIdOfCustomer(customerId) : null;
      if (orgId) await syncOrgSubscription(orgId, event.createdAt);
      else logger.info({ eventId, type: event.type }, "stripe event for a customer no org has: ignored");
    }
    await db.stripeEvent.update({ where: { id: eventId }, data: { processedAt: new Date() } });
  },
});

/** Members who see billing (owner, admin, billing) hear that a payment failed. */
export const dunningEmailTask = defineTask<{ orgId: string }>({
  name: DUNNING_EMAIL_TASK,
  async run({ orgId }) {
    const org = await getDb().organization.findUnique({ where: { id: orgId }, select: { name: true, slug: true } });
    if (!org) return;
    const members = await getDb().membership.findMany({ where: { orgId, role: { in: ["owner", "admin", "billing"] } }, select: { user: { select: { email: true } } } });
    const link = `${appUrl()}/orgs/${org.slug}/billing`;
    for (const { user } of members) {
      await sendMail({
        to: user.email,
        subject: `Payment failed for ${org.name}`,
        text: `A payment for ${org.name} on Bastion failed. Update the payment method within the grace period to keep your plan: ${link}`,
      });
    }
  },
});

/** Every hour: closed hours of API usage recorded and sent to the Stripe meter (metering.ts). */
export const meterUsageTask = defineTask({
  name: "billing.meter-usage",
  every: "hour",
  async run(_payload, { db }) {
    const result = await meterUsage(db);
    if (result && result.failed > 0) logger.warn(result, "some usage meter reports could not be sent; they stay pending for the next run");
  },
});
