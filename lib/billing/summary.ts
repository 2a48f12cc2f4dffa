// What the billing console and GET /billing show: the plan in force and why, the stored
// subscription, and current use against the plan's limits (API requests also per day of
// this month, the period the quota counts).
import "server-only";
import { getDb } from "../db";
import { usageByDay } from "../usage/usage";
import { monthUsage } from "./api-quota";
import { orgEntitlements } from "./entitlements";
import { PLANS, planOfLookupKey } from "./plans";

const limit = (value: number) => (Number.isFinite(value) ? value : null);

export async function billingSummary(orgId: string, now = new Date()) {
  const db = getDb();
  const [resolved, subscription, customer, seats, secrets, integrations, apiRequests, apiRequestsPerDay] = await Promise.all([
    orgEntitlements(orgId),
    db.subscription.findUnique({ where: { orgId } }),
    db.billingCustomer.findUnique({ where: { orgId }, select: { orgId: true } }),
    db.membership.count({ where: { orgId } }),
    db.secret.count({ where: { orgId, deletedAt: null } }),
    db.integrationConnection.count({ where: { orgId } }),
    monthUsage(orgId, now),
    usageByDay(orgId, now.getUTCDate(), now),
  ]);
  const { entitlements } = resolved;
  return {
    billing: resolved.billing,
    plan: { id: resolved.plan, name: PLANS[resolved.plan].name },
    status: resolved.status,
    graceEndsAt: resolved.graceEndsAt,
    lapsedFrom: resolved.lapsedFrom,
    hasBillingAccount: customer !== null,
    subscription: subscription && {
      plan: subscription.plan,
      interval: planOfLookupKey(subscription.priceLookupKey)?.interval ?? null,
      status: subscription.status,
      quantity: subscription.quantity,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      trialEnd: subscription.trialEnd,
    },
    usage: {
      seats: { used: seats, limit: limit(entitlements.seats) },
      secrets: { used: secrets, limit: limit(entitlements.secrets) },
      integrations: { used: integrations, limit: limit(entitlements.integrations) },
      apiRequestsThisMonth: { used: apiRequests, limit: limit(entitlements.apiRequestsPerMonth) },
      /** From the 1st (UTC) to today; the console draws the rest of the month empty. */
      apiRequestsPerDay: apiRequestsPerDay.days,
    },
  };
}
