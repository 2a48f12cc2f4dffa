// API requests to the Stripe Billing Meter, as one pre-aggregated event per org and closed
// UTC hour, identified `<org>:<meter>:<hour>`. Two steps, both idempotent:
// 1. record: once an hour is closed (and its counts flushed), its value is written to
//    MeterReport (unique per org and hour) and never recomputed, because Stripe
//    de-duplicates an identifier for only ~24 hours and silently drops a retry whose value
//    changed;
// 2. send: pending reports go to Stripe; a failure (a Stripe outage) leaves them pending
//    for the next run, so it only delays. A report that could not be sent within Stripe's
//    35-day window is marked expired and reported (log and audit), never dropped silently.
// Counts flushed after their hour was recorded (Redis unreachable for over CLOSE_AFTER_MS)
// are not metered; ApiUsage and the usage report still have them.
import { recordAudit } from "../audit/record";
import type { Db } from "../db";
import { logger } from "../logger";
import { API_REQUESTS_METER } from "./plans";
import { billingEnabled, stripe } from "./stripe";

const HOUR_MS = 60 * 60 * 1000;
/** An hour is closed this long after it ends: the usage flush runs every minute. */
export const CLOSE_AFTER_MS = 5 * 60 * 1000;
/** Stripe accepts meter events up to 35 days old. */
export const STRIPE_WINDOW_MS = 35 * 24 * HOUR_MS;
const SEND_BATCH = 500;

export function meterIdentifier(orgId: string, hour: Date): string {
  return `${orgId}:${API_REQUESTS_METER.eventName}:${hour.toISOString().slice(0, 13)}`;
}

/** Records the value of every closed hour of orgs with a Stripe customer; returns how many. */
export async function recordClosedHours(db: Db, now = new Date()): Promise<number> {
  const closedBefore = new Date(Math.floor((now.getTime() - CLOSE_AFTER_MS) / HOUR_MS) * HOUR_MS);
  const since = new Date(now.getTime() - STRIPE_WINDOW_MS);
  return db.$executeRaw`
    INSERT INTO "MeterReport" (identifier, "orgId", hour, value, "stripeCustomerId")
    SELECT u."orgId" || ':' || ${API_REQUESTS_METER.eventName} || ':' || to_char(u.hour, 'YYYY-MM-DD"T"HH24'),
           u."orgId", u.hour, u.count, c."stripeCustomerId"
    FROM "ApiUsageHour" u JOIN "BillingCustomer" c ON c."orgId" = u."orgId"
    WHERE u.hour < ${closedBefore} AND u.hour >= ${since} AND u.count > 0
    ON CONFLICT DO NOTHING`;
}

/** Sends pending reports; returns how many were sent and how many failed (left pending). */
export async function sendPendingReports(db: Db, now = new Date()): Promise<{ sent: number; failed: number; expired: number }> {
  const cutoff = new Date(now.getTime() - STRIPE_WINDOW_MS);
  const expired = await db.meterReport.findMany({ where: { status: "pending", hour: { lt: cutoff } }, select: { identifier: true, orgId: true, value: true, hour: true } });
  for (const report of expired) {
    await db.$transaction(async (tx) => {
      await tx.meterReport.update({ where: { identifier: report.identifier }, data: { status: "expired" } });
      await recordAudit(tx, { orgId: report.orgId, actorType: "system", action: "billing.meter_report_expired", targetType: "meter_report", targetId: report.identifier, metadata: { value: report.value, hour: report.hour.toISOString() } });
    });
    logger.error({ identifier: report.identifier, value: report.value }, "a usage meter report is older than Stripe's 35-day window and was never sent");
  }
  const pending = await db.meterReport.findMany({ where: { status: "pending", hour: { gte: cutoff } }, orderBy: { hour: "asc" }, take: SEND_BATCH });
  let sent = 0;
  let failed = 0;
  for (const report of pending) {
    try {
      await stripe().billing.meterEvents.create({
        event_name: API_REQUESTS_METER.eventName,
        identifier: report.identifier,
        // The middle of the hour: the event belongs to that hour whatever the clocks say.
        timestamp: Math.floor(report.hour.getTime() / 1000) + 1800,
        payload: { stripe_customer_id: report.stripeCustomerId, value: String(report.value) },
      });
      await db.meterReport.update({ where: { identifier: report.identifier }, data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
      sent += 1;
    } catch (error) {
      failed += 1;
      await db.meterReport.update({ where: { identifier: report.identifier }, data: { attempts: { increment: 1 }, lastError: String((error as Error).message).slice(0, 500) } });
    }
  }
  return { sent, failed, expired: expired.length };
}

export async function meterUsage(db: Db, now = new Date()) {
  if (!billingEnabled()) return null;
  const recorded = await recordClosedHours(db, now);
  return { recorded, ...(await sendPendingReports(db, now)) };
}
