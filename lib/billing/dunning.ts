// What the billing banner on every console page says to members who see billing: a
// payment failed (grace period), a paid plan lapsed to Free, or the org passed 80 % of
// its monthly API requests. From the cached entitlements and month usage: no query on
// most pages.
import "server-only";
import { monthUsage, nextMonthStart } from "./api-quota";
import { apiQuotaWarningDue } from "./api-quota-warning";
import { orgEntitlements } from "./entitlements";
import { PLANS, isPlanId } from "./plans";

export type ApiQuotaWarning = { used: number; allowed: number; resetsAt: string };
export type DunningState = { graceEndsAt: string | null; lapsedFrom: string | null; planName: string; apiQuota: ApiQuotaWarning | null };

async function apiQuotaWarningFor(orgId: string, allowed: number): Promise<ApiQuotaWarning | null> {
  if (!Number.isFinite(allowed)) return null;
  const used = await monthUsage(orgId);
  return apiQuotaWarningDue(used, allowed) ? { used, allowed, resetsAt: nextMonthStart(new Date()).toISOString() } : null;
}

export async function dunningStateFor(orgId: string): Promise<DunningState | null> {
  const resolved = await orgEntitlements(orgId);
  const apiQuota = resolved.billing === "on" ? await apiQuotaWarningFor(orgId, resolved.entitlements.apiRequestsPerMonth) : null;
  const planName = PLANS[resolved.plan].name;
  // A subscription canceled on purpose is not dunning: the banner speaks of failed payments and lapses after them.
  const canceledOnPurpose = resolved.lapsedFrom && resolved.status === "canceled" && !resolved.graceEndsAt;
  const dunning = (resolved.graceEndsAt || resolved.lapsedFrom) && !canceledOnPurpose;
  if (!dunning) return apiQuota ? { graceEndsAt: null, lapsedFrom: null, planName, apiQuota } : null;
  const lapsedFrom = resolved.lapsedFrom && isPlanId(resolved.lapsedFrom) ? PLANS[resolved.lapsedFrom].name : null;
  return { graceEndsAt: resolved.graceEndsAt?.toISOString() ?? null, lapsedFrom, planName, apiQuota };
}
