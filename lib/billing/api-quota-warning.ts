// The API-requests warning at 80 % of the plan's monthly quota: one email to the org's
// billing readers (billing:read) per org and month, and a banner in the console for them
// (dunning.ts). A BillingNotice row, inserted in the transaction that queues the email, is
// the record that this month's warning went out, so several workers, retries and later
// runs never send it twice. The check reads the flushed daily counts (ApiUsage), like the
// quota itself, every minute; billing off or unlimited plans: nothing.
// No "server-only" marker: the worker runs it.
import { recordAudit } from "../audit/record";
import type { Db } from "../db";
import { enqueue } from "../jobs/queue";
import { defineTask } from "../jobs/tasks";
import { orgEntitlements } from "./entitlements";
import { PLANS } from "./plans";
import { billingEnabled } from "./stripe";

export const API_QUOTA_WARNING_SHARE = 0.8;
export const API_QUOTA_WARNING_EMAIL_TASK = "billing.api-quota-warning-email";
const NOTICE_KIND = "api_requests_80";

/** Whether `used` requests this month call for the warning under a quota of `allowed`. */
export function apiQuotaWarningDue(used: number, allowed: number): boolean {
  return Number.isFinite(allowed) && used >= allowed * API_QUOTA_WARNING_SHARE;
}

/** "2026-12": the month (UTC) a warning is about. */
export function monthKey(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** Queues this month's warning email for each org past 80 % that has not had it; returns the orgs warned. */
export async function warnApiQuotas(db: Db, now = new Date()): Promise<string[]> {
  if (!billingEnabled()) return [];
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const period = monthKey(now);
  // The smallest finite quota bounds the candidates; each one's own plan decides.
  const floor = Math.min(...Object.values(PLANS).map((plan) => plan.entitlements.apiRequestsPerMonth)) * API_QUOTA_WARNING_SHARE;
  const candidates = await db.$queryRaw<{ orgId: string; used: bigint }[]>`
    SELECT u."orgId", SUM(u.count) AS used FROM "ApiUsage" u
    WHERE u.day >= ${month} AND NOT EXISTS (
      SELECT 1 FROM "BillingNotice" n WHERE n."orgId" = u."orgId" AND n.kind = ${NOTICE_KIND} AND n.period = ${period})
    GROUP BY u."orgId" HAVING SUM(u.count) >= ${floor}`;
  const warned: string[] = [];
  for (const { orgId, used: sum } of candidates) {
    const used = Number(sum);
    const { plan, entitlements } = await orgEntitlements(orgId);
    const allowed = entitlements.apiRequestsPerMonth;
    if (!apiQuotaWarningDue(used, allowed)) continue;
    const queued = await db.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "BillingNotice" ("orgId", kind, period) VALUES (${orgId}, ${NOTICE_KIND}, ${period}) ON CONFLICT DO NOTHING`;
      if (inserted === 0) return false;
      await enqueue(tx, API_QUOTA_WARNING_EMAIL_TASK, { orgId, used, allowed, plan: PLANS[plan].name, period });
      await recordAudit(tx, { orgId, actorType: "system", action: "billing.quota_warning", targetType: "org", targetId: orgId, metadata: { limit: "apiRequestsPerMonth", allowed, used, period } });
      return true;
    });
    if (queued) warned.push(orgId);
  }
  return warned;
}

export const warnApiQuotasTask = defineTask({
  name: "billing.api-quota-warnings",
  every: "minute",
  async run(_payload, { db }) {
    await warnApiQuotas(db);
  },
});
