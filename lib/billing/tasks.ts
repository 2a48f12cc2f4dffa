// Billing's background tasks. A stored Stripe event is processed by re-reading the org's
// subscription from Stripe (sync.ts): the payload only says which customer to look at, so
// duplicates and any order of delivery end in Stripe's current state. Unknown types and
// customers Bastion did not create are acknowledged and ignored.
import { getDb } from "../db";
import { appUrl } from "../env";
import { defineTask } from "../jobs/tasks";
import { logger } from "../logger";
import { enqueue } from "../jobs/queue";
import { sendMail } from "../mail/send";
import { orgIdOfCustomer } from "./customer";
import { meterUsage } from "./metering";
import { syncOrgSubscription } from "./sync";
import { PERMISSIONS } from "../authz/permissions";
import { API_QUOTA_WARNING_EMAIL_TASK } from "./api-quota-warning";
import { PLANS, isPlanId } from "./plans";
import { DUNNING_EMAIL_TASK } from "./transitions";

export const PROCESS_STRIPE_EVENT_TASK = "billing.process-event";
export const TRIAL_ENDING_EMAIL_TASK = "billing.trial-ending-email";

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
      if (orgId) {
        await syncOrgSubscription(orgId, event.createdAt);
        if (event.type === "customer.subscription.trial_will_end") await queueTrialEndingEmail(orgId);
      } else logger.info({ eventId, type: event.type }, "stripe event for a customer no org has: ignored");
    }
    await db.stripeEvent.update({ where: { id: eventId }, data: { processedAt: new Date() } });
  },
});

/** The addresses of the org's members who may read billing (owner, admin, billing: billing:read). */
async function billingReaders(orgId: string) {
  const org = await getDb().organization.findUnique({ where: { id: orgId }, select: { name: true, slug: true } });
  if (!org) return null;
  const members = await getDb().membership.findMany({ where: { orgId, role: { in: [...PERMISSIONS["billing:read"].roles] } }, select: { user: { select: { email: true } } } });
  return { org, emails: members.map(({ user }) => user.email), link: `${appUrl()}/orgs/${org.slug}/billing` };
}

async function mailBillingReaders(orgId: string, message: (org: { name: string }, link: string) => { subject: string; text: string }) {
  const readers = await billingReaders(orgId);
  if (!readers) return;
  const { subject, text } = message(readers.org, readers.link);
  for (const to of readers.emails) await sendMail({ to, subject, text });
}

/** Members who see billing hear that a payment failed. */
export const dunningEmailTask = defineTask<{ orgId: string }>({
  name: DUNNING_EMAIL_TASK,
  async run({ orgId }) {
    await mailBillingReaders(orgId, (org, link) => ({
      subject: `Payment failed for ${org.name}`,
      text: `A payment for ${org.name} on Bastion failed. Update the payment method within the grace period to keep your plan: ${link}`,
    }));
  },
});

/** Stripe's trial_will_end (three days before): once per subscription and trial end, read from the stored subscription. */
async function queueTrialEndingEmail(orgId: string): Promise<void> {
  const subscription = await getDb().subscription.findUnique({ where: { orgId } });
  if (!subscription?.trialEnd || subscription.status !== "trialing") return;
  await enqueue(getDb(), TRIAL_ENDING_EMAIL_TASK, { orgId }, { uniqueKey: `trial-ending:${subscription.stripeSubscriptionId}:${subscription.trialEnd.toISOString()}` });
}

export const trialEndingEmailTask = defineTask<{ orgId: string }>({
  name: TRIAL_ENDING_EMAIL_TASK,
  async run({ orgId }) {
    const subscription = await getDb().subscription.findUnique({ where: { orgId } });
    if (!subscription?.trialEnd || subscription.status !== "trialing") return;
    const plan = isPlanId(subscription.plan) ? PLANS[subscription.plan].name : subscription.plan;
    const ends = subscription.trialEnd.toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    await mailBillingReaders(orgId, (org, link) => ({
      subject: `The ${plan} trial of ${org.name} ends on ${ends}`,
      text: `The ${plan} trial of ${org.name} on Bastion ends on ${ends}. Add a payment method before then to keep the ${plan} plan; without one, ${org.name} moves to Free limits (nothing is deleted): ${link}`,
    }));
  },
});

/** Past 80 % of the month's API requests (api-quota-warning.ts): once per org and month. */
export const apiQuotaWarningEmailTask = defineTask<{ orgId: string; used: number; allowed: number; plan: string }>({
  name: API_QUOTA_WARNING_EMAIL_TASK,
  async run({ orgId, used, allowed, plan }) {
    await mailBillingReaders(orgId, (org, link) => ({
      subject: `${org.name} has used ${Math.floor((used / allowed) * 100)} % of its API requests this month`,
      text: `${org.name} has made ${used.toLocaleString("en")} of the ${allowed.toLocaleString("en")} API requests the ${plan} plan includes this month. At the limit, API requests are refused until the month ends; upgrade to raise it: ${link}`,
    }));
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
