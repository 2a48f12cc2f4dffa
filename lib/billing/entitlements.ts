// "What may this org do now": plan + subscription status + grace period -> entitlements.
// Every quota, the rate limiter's orgPlan() and the console read this one function. It
// is cached in process for a few seconds (the API pipeline asks on every API-key request);
// a subscription written in this process drops its org's entry at once, other processes
// see the change within ENTITLEMENTS_TTL_MS. Billing off: the configured default plan,
// with no database read at all.
// No "server-only" marker: worker jobs (seat sync, metering) read entitlements too.
import { getDb } from "../db";
import { env } from "../env";
import { processSingleton } from "../runtime";
import { PLANS, isPaidPlanId, type Entitlements, type PlanId } from "./plans";
import { billingEnabled } from "./stripe";

export const ENTITLEMENTS_TTL_MS = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Stripe statuses in which the subscription's plan applies. past_due/unpaid: only within the grace period. */
const PAYING = new Set(["active", "trialing"]);
const DUNNING = new Set(["past_due", "unpaid"]);

export type SubscriptionState = { status: string; plan: string; pastDueSince: Date | null; currentPeriodEnd: Date | null; cancelAtPeriodEnd: boolean; trialEnd: Date | null; quantity: number };

export type OrgEntitlements = {
  plan: PlanId;
  entitlements: Entitlements;
  billing: "off" | "on";
  /** The subscription's Stripe status, null with none. */
  status: string | null;
  /** Payment failed: paid entitlements last until this moment, then Free applies. */
  graceEndsAt: Date | null;
  /** A paid plan lapsed (grace over, canceled, paused): Free applies; data above quota is read-only. */
  lapsedFrom: PlanId | null;
};

/** The pure rule; `subscription` as stored, null when the org never subscribed. */
export function resolveEntitlements(subscription: SubscriptionState | null, now: Date, graceDays: number): OrgEntitlements {
  const free = (lapsedFrom: PlanId | null, graceEndsAt: Date | null = null): OrgEntitlements => ({
    plan: "free", entitlements: PLANS.free.entitlements, billing: "on", status: subscription?.status ?? null, graceEndsAt, lapsedFrom,
  });
  if (!subscription || !isPaidPlanId(subscription.plan)) return free(null);
  const paid = (graceEndsAt: Date | null): OrgEntitlements => ({
    plan: subscription.plan as PlanId, entitlements: PLANS[subscription.plan as PlanId].entitlements, billing: "on", status: subscription.status, graceEndsAt, lapsedFrom: null,
  });
  if (PAYING.has(subscription.status)) return paid(null);
  if (DUNNING.has(subscription.status)) {
    const graceEndsAt = new Date((subscription.pastDueSince ?? now).getTime() + graceDays * DAY_MS);
    return now < graceEndsAt ? paid(graceEndsAt) : free(subscription.plan as PlanId, graceEndsAt);
  }
  return free(subscription.status === "canceled" || subscription.status === "incomplete_expired" || subscription.status === "paused" ? (subscription.plan as PlanId) : null);
}

function defaultEntitlements(): OrgEntitlements {
  const plan = env().BASTION_DEFAULT_PLAN;
  return { plan, entitlements: PLANS[plan].entitlements, billing: "off", status: null, graceEndsAt: null, lapsedFrom: null };
}

type Cached = { value: OrgEntitlements; expires: number };
const cache = () => processSingleton("billing:entitlements", () => new Map<string, Cached>());

export async function orgEntitlements(orgId: string): Promise<OrgEntitlements> {
  if (!billingEnabled()) return defaultEntitlements();
  const now = Date.now();
  const hit = cache().get(orgId);
  if (hit && hit.expires > now) return hit.value;
  const subscription = await getDb().subscription.findUnique({ where: { orgId } });
  const value = resolveEntitlements(subscription, new Date(now), env().BILLING_GRACE_DAYS);
  if (cache().size > 50_000) cache().clear();
  // A grace period ending within the TTL is not cached past its end.
  const expires = Math.min(now + ENTITLEMENTS_TTL_MS, value.graceEndsAt && value.graceEndsAt.getTime() > now ? value.graceEndsAt.getTime() : Infinity);
  cache().set(orgId, { value, expires });
  return value;
}

/** Drops an org's cached entitlements (its subscription was just written here). */
export function forgetEntitlements(orgId: string): void {
  cache().delete(orgId);
}
