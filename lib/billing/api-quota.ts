// The monthly API-request quota, checked in the API pipeline for API-key requests. The
// month's use is the flushed daily counts (ApiUsage) read at most once a minute per org
// and process, so the hot path costs no database query; it lags by up to two minutes,
// which a monthly quota tolerates. Over the quota: 429 quota_exceeded with the reset time
// and Retry-After (a 429 because waiting lifts it, as for rate limits). Billing off, or an
// unlimited plan: nothing is read.
import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { processSingleton } from "../runtime";
import { orgEntitlements } from "./entitlements";
import { PLANS, planThatLifts } from "./plans";

const USAGE_TTL_MS = 60_000;

export class ApiQuotaExceeded extends AppError {
  constructor(allowed: number, used: number, plan: string, upgradeTo: string | null, resetsAt: Date) {
    const lift = upgradeTo ? ` Upgrade to ${upgradeTo} to lift it.` : "";
    super("quota_exceeded", `Quota exceeded: API requests this month (limit ${allowed}; ${used} made on the ${plan} plan). It resets at ${resetsAt.toISOString()}.${lift}`, {
      limit: "apiRequestsPerMonth", allowed, used, plan, upgradeTo, resetsAt: resetsAt.toISOString(),
    });
    this.headers = { "retry-after": String(Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000))) };
  }

  override get status(): number {
    return 429;
  }
}

export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

const cache = () => processSingleton("billing:month-usage", () => new Map<string, { used: number; expires: number; month: number }>());

/** API requests the org made this month (flushed counts), cached for a minute. */
export async function monthUsage(orgId: string, now = new Date()): Promise<number> {
  const month = monthStart(now).getTime();
  const hit = cache().get(orgId);
  if (hit && hit.expires > now.getTime() && hit.month === month) return hit.used;
  const { _sum } = await getDb().apiUsage.aggregate({ where: { orgId, day: { gte: new Date(month) } }, _sum: { count: true } });
  const used = _sum.count ?? 0;
  if (cache().size > 50_000) cache().clear();
  cache().set(orgId, { used, expires: now.getTime() + USAGE_TTL_MS, month });
  return used;
}

export function forgetMonthUsage(orgId: string): void {
  cache().delete(orgId);
}

export async function assertApiRequestQuota(orgId: string, now = new Date()): Promise<void> {
  const { plan, entitlements } = await orgEntitlements(orgId);
  const allowed = entitlements.apiRequestsPerMonth;
  if (allowed === Infinity) return;
  const used = await monthUsage(orgId, now);
  if (used < allowed) return;
  const upgradeTo = planThatLifts("apiRequestsPerMonth", used + 1);
  throw new ApiQuotaExceeded(allowed, used, PLANS[plan].name, upgradeTo ? PLANS[upgradeTo].name : null, nextMonthStart(now));
}
