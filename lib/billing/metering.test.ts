// Hourly usage metering against the Stripe stand-in: closed hours only, deterministic
// identifiers, values recorded once and never recomputed, an outage only delays, a retry
// never double-bills, and a backlog beyond Stripe's window is reported, not dropped.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { createOrg } from "../testing/org-fixtures";
import type { StripeStandIn } from "../testing/stripe-stand-in";
import { flushUsage } from "../usage/flush";
import { countInMemory, usageField } from "../usage/pending";
import { meterIdentifier, recordClosedHours, sendPendingReports } from "./metering";
import { startBilling, stopBilling } from "./test-billing";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startBilling();
});
afterAll(async () => {
  await stopBilling(standIn);
});

const HOUR = 60 * 60 * 1000;
const now = new Date(Math.floor(Date.now() / HOUR) * HOUR + 20 * 60 * 1000); // 20 minutes into this hour
const hourAgo = (count: number) => new Date(Math.floor(now.getTime() / HOUR) * HOUR - count * HOUR);

async function billedOrg() {
  const org = await createOrg();
  await getDb().billingCustomer.create({ data: { orgId: org.id, stripeCustomerId: `cus_meter_${org.id}` } });
  return org;
}

const reportsOf = (orgId: string) => getDb().meterReport.findMany({ where: { orgId }, orderBy: { hour: "asc" } });
const sentAtStripe = (orgId: string) => [...standIn.state.meterEvents.values()].filter((event) => String(event.identifier).startsWith(`${orgId}:`));

describeWith(["postgres", "redis"], "usage metering", () => {
  it("the usage flush keeps hourly counts beside the daily ones", async () => {
    const org = await createOrg();
    countInMemory(usageField(org.id, hourAgo(1)), 4);
    countInMemory(usageField(org.id, new Date(hourAgo(1).getTime() + 60_000)), 3);
    await flushUsage(getDb(), null);
    expect(await getDb().apiUsageHour.findMany({ where: { orgId: org.id }, select: { hour: true, count: true } })).toEqual([{ hour: hourAgo(1), count: 7 }]);
    const day = new Date(hourAgo(1).toISOString().slice(0, 10));
    expect((await getDb().apiUsage.findUniqueOrThrow({ where: { orgId_day: { orgId: org.id, day } } })).count).toBe(7);
  });

  it("records closed hours only, with deterministic identifiers, and never recomputes a recorded value", async () => {
    const org = await billedOrg();
    const unbilled = await createOrg();
    await getDb().apiUsageHour.createMany({
      data: [
        { orgId: org.id, hour: hourAgo(2), count: 10 },
        { orgId: org.id, hour: hourAgo(1), count: 20 },
        { orgId: org.id, hour: hourAgo(0), count: 30 },
        { orgId: unbilled.id, hour: hourAgo(2), count: 5 },
      ],
    });
    await recordClosedHours(getDb(), now);
    expect((await reportsOf(org.id)).map((report) => [report.identifier, report.value])).toEqual([
      [meterIdentifier(org.id, hourAgo(2)), 10],
      [meterIdentifier(org.id, hourAgo(1)), 20],
    ]);
    expect(meterIdentifier(org.id, hourAgo(2))).toBe(`${org.id}:bastion_api_requests:${hourAgo(2).toISOString().slice(0, 13)}`);
    expect(await reportsOf(unbilled.id)).toEqual([]);
    // Late counts for a recorded hour change nothing that was (or will be) sent.
    await getDb().apiUsageHour.update({ where: { orgId_hour: { orgId: org.id, hour: hourAgo(2) } }, data: { count: 99 } });
    await recordClosedHours(getDb(), new Date(now.getTime() + HOUR));
    expect((await reportsOf(org.id)).map((report) => report.value)).toEqual([10, 20, 30]);
  });

  it("a Stripe outage only delays; a retry after a lost acknowledgement does not double-bill", async () => {
    const org = await billedOrg();
    await getDb().apiUsageHour.create({ data: { orgId: org.id, hour: hourAgo(3), count: 42 } });
    await recordClosedHours(getDb(), now);
    standIn.outage("/v1/billing/meter_events", 10_000);
    const during = await sendPendingReports(getDb(), now);
    expect(during.failed).toBeGreaterThan(0);
    expect((await reportsOf(org.id))[0]).toMatchObject({ status: "pending", lastError: expect.stringMatching(/unavailable/) });
    expect(sentAtStripe(org.id)).toEqual([]);
    // Stripe is back: the next run sends what waited.
    standIn.outage("/v1/billing/meter_events", 0);
    await sendPendingReports(getDb(), now);
    expect((await reportsOf(org.id))[0]).toMatchObject({ status: "sent", sentAt: expect.any(Date) });
    // The acknowledgement was lost (a crash): the report is sent again with the same identifier and value.
    await getDb().meterReport.updateMany({ where: { orgId: org.id }, data: { status: "pending" } });
    await sendPendingReports(getDb(), now);
    const events = sentAtStripe(org.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({ stripe_customer_id: `cus_meter_${org.id}`, value: "42" });
  }, 60_000);

  it("a backlog older than Stripe's 35-day window is marked expired and audited, not sent", async () => {
    const org = await billedOrg();
    const old = new Date(hourAgo(0).getTime() - 36 * 24 * HOUR);
    await getDb().meterReport.create({ data: { identifier: meterIdentifier(org.id, old), orgId: org.id, hour: old, value: 7, stripeCustomerId: `cus_meter_${org.id}` } });
    const result = await sendPendingReports(getDb(), now);
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect((await reportsOf(org.id))[0]!.status).toBe("expired");
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "billing.meter_report_expired" } })).toBe(1);
    expect(sentAtStripe(org.id)).toEqual([]);
  });
});
