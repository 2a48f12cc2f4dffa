// Billing notices to the members who read billing: the API-requests warning at 80 % of
// the month's quota (a console banner, and one email per org and month however often the
// check runs) and Stripe's trial_will_end (one email per trial).
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { waitForTestMail } from "../testing/mail";
import type { StripeStandIn } from "../testing/stripe-stand-in";
import { forgetMonthUsage } from "./api-quota";
import { API_QUOTA_WARNING_EMAIL_TASK, warnApiQuotas } from "./api-quota-warning";
import { dunningStateFor } from "./dunning";
import { PLANS } from "./plans";
import { apiQuotaWarningEmailTask, TRIAL_ENDING_EMAIL_TASK, trialEndingEmailTask } from "./tasks";
import { checkoutAs, deliver, sessionIdOf, startBilling, stopBilling } from "./test-billing";
import { jobsOf } from "./test-jobs";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startBilling();
});
afterAll(async () => {
  await stopBilling(standIn);
});

const FREE_API = PLANS.free.entitlements.apiRequestsPerMonth;

/** `count` API requests flushed for the org today. */
async function usedToday(orgId: string, count: number) {
  const day = new Date(new Date().toISOString().slice(0, 10));
  await getDb().apiUsage.upsert({ where: { orgId_day: { orgId, day } }, create: { orgId, day, count }, update: { count } });
  forgetMonthUsage(orgId);
}

async function runJob<P>(task: { run(payload: P, context: never): Promise<void> }, payload: P) {
  await task.run(payload, { db: getDb(), jobId: "test", attempt: 1, signal: new AbortController().signal } as never);
}

describeWith(["postgres", "redis"], "billing notices", () => {
  it("warns once per org and month past 80 % of the API requests: banner, audit, one email to billing readers only", async () => {
    const { org, owner, members } = await orgWithMembers(["billing", "member"]);
    const [biller, plain] = members;
    await usedToday(org.id, FREE_API * 0.8 - 1);
    expect(await warnApiQuotas(getDb())).not.toContain(org.id);
    expect(await dunningStateFor(org.id)).toBeNull();

    await usedToday(org.id, FREE_API * 0.8);
    expect(await warnApiQuotas(getDb())).toContain(org.id);
    expect(await warnApiQuotas(getDb())).not.toContain(org.id);
    const jobs = await jobsOf(API_QUOTA_WARNING_EMAIL_TASK, org.id);
    expect(jobs).toHaveLength(1);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "billing.quota_warning" } })).toBe(1);
    expect(await dunningStateFor(org.id)).toMatchObject({ graceEndsAt: null, lapsedFrom: null, apiQuota: { used: FREE_API * 0.8, allowed: FREE_API } });

    const since = Date.now();
    const job = await getDb().job.findUniqueOrThrow({ where: { id: jobs[0]!.id } });
    await runJob(apiQuotaWarningEmailTask, job.payload as never);
    for (const reader of [owner, biller!]) {
      const mail = await waitForTestMail(reader.user.email, { since, subject: /has used 80 % of its API requests this month/ });
      expect(mail.text).toContain(`${(FREE_API * 0.8).toLocaleString("en")} of the ${FREE_API.toLocaleString("en")} API requests the Free plan includes`);
      expect(mail.text).toContain(`/orgs/${org.slug}/billing`);
    }
    await expect(waitForTestMail(plain!.user.email, { since, timeoutMs: 500 })).rejects.toThrow();

    // More use the same month sends nothing more.
    await usedToday(org.id, FREE_API);
    expect(await warnApiQuotas(getDb())).not.toContain(org.id);
    expect(await jobsOf(API_QUOTA_WARNING_EMAIL_TASK, org.id)).toHaveLength(1);
  });

  it("does not warn an org whose plan's quota is far from reached", async () => {
    const { org, owner } = await orgWithMembers();
    const started = await checkoutAs(owner.cookie, org.slug);
    await deliver(standIn, standIn.completeCheckout(sessionIdOf(started.body.url)));
    await usedToday(org.id, FREE_API);
    expect(await warnApiQuotas(getDb())).not.toContain(org.id);
    expect(await dunningStateFor(org.id)).toBeNull();
  });

  it("trial_will_end emails the billing readers once, with the trial's end read from Stripe", async () => {
    const { org, owner, members } = await orgWithMembers(["billing", "member"]);
    const started = await checkoutAs(owner.cookie, org.slug);
    const events = standIn.completeCheckout(sessionIdOf(started.body.url), { trialDays: 3 });
    await deliver(standIn, events);
    const subscription = standIn.state.subscriptions.get(String(events[1]!.data.object.id))!;
    const willEnd = standIn.event("customer.subscription.trial_will_end", subscription);
    await deliver(standIn, [willEnd, willEnd]);
    await deliver(standIn, [standIn.event("customer.subscription.trial_will_end", subscription)]);
    const jobs = await jobsOf(TRIAL_ENDING_EMAIL_TASK, org.id);
    expect(jobs).toHaveLength(1);

    const since = Date.now();
    await runJob(trialEndingEmailTask, { orgId: org.id });
    const ends = new Date(Number(subscription.trial_end) * 1000).toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    for (const reader of [owner, members[0]!]) {
      const mail = await waitForTestMail(reader.user.email, { since, subject: new RegExp(`The Team trial of Acme ends on ${ends}`) });
      expect(mail.text).toContain("Add a payment method");
    }
    await expect(waitForTestMail(members[1]!.user.email, { since, timeoutMs: 500 })).rejects.toThrow();
  });
});
