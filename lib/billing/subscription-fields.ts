// A Stripe subscription, as read from Stripe, turned into the row Bastion stores.
import type Stripe from "stripe";
import { isPaidPlanId, planOfLookupKey, type PaidPlanId } from "./plans";

export const LIVE_STATUSES = new Set(["trialing", "active", "past_due", "unpaid", "paused"]);
export const DUNNING_STATUSES = new Set(["past_due", "unpaid"]);

const date = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

export function subscriptionFields(subscription: Stripe.Subscription) {
  const item = subscription.items.data[0];
  const price = item?.price;
  const metadataPlan = price?.metadata?.bastion_plan;
  const plan: PaidPlanId | "free" = planOfLookupKey(price?.lookup_key)?.plan ?? (metadataPlan && isPaidPlanId(metadataPlan) ? metadataPlan : "free");
  return {
    stripeSubscriptionId: subscription.id,
    status: subscription.status,
    plan,
    priceLookupKey: price?.lookup_key ?? null,
    stripePriceId: price?.id ?? null,
    quantity: item?.quantity ?? 1,
    currentPeriodStart: date(item?.current_period_start),
    currentPeriodEnd: date(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    trialEnd: date(subscription.trial_end),
  };
}

/** The subscription that matters for an org: the newest live one, else the newest at all (Stripe lists newest first). */
export function currentSubscription(subscriptions: Stripe.Subscription[]): Stripe.Subscription | null {
  const newestFirst = [...subscriptions].sort((a, b) => b.created - a.created);
  return newestFirst.find((subscription) => LIVE_STATUSES.has(subscription.status)) ?? newestFirst[0] ?? null;
}
