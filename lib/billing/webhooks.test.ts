// POST /api/webhooks/stripe against the Stripe stand-in: every handled type, duplicates,
// out-of-order delivery, refusals that store nothing, unknown types acknowledged, and the
// watermark that keeps a slow sync from overwriting newer state.
import { afterAll, beforeAll, expect, it } from "vitest";
import Stripe from "stripe";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import type { StripeStandIn } from "../testing/stripe-stand-in";
import { refusalCount } from "../integrations/webhooks/test-webhooks";
import { orgEntitlements } from "./entitlements";
import { writeSubscription } from "./sync";
import { HANDLED_STRIPE_EVENTS, PROCESS_STRIPE_EVENT_TASK } from "./tasks";
import { checkoutAs, deliver, postSigned, processEvent, sessionIdOf, startBilling, stopBilling } from "./test-billing";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startBilling();
});
afterAll(async () => {
  await stopBilling(standIn);
});

/** An org whose checkout was completed at the stand-in; the events are not delivered yet. */
async function paidOrg(options: { trialDays?: number } = {}) {
  const fixture = await orgWithMembers(["billing"]);
  const started = await checkoutAs(fixture.owner.cookie, fixture.org.slug);
  const events = standIn.completeCheckout(sessionIdOf(started.body.url), options);
  const subscriptionId = String(events[1]!.data.object.id);
  return { ...fixture, events, subscriptionId };
}

const stored = (orgId: string) => getDb().subscription.findUnique({ where: { orgId } });

describeWith(["postgres", "redis"], "Stripe webhooks", () => {
  it("checkout.session.completed, subscription.created and invoice.paid put the org on Team, read from Stripe", async () => {
    const { org, events, subscriptionId } = await paidOrg();
    expect(events.map((event) => event.type)).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    await deliver(standIn, events.slice(0, 1));
    expect(await stored(org.id)).toMatchObject({ stripeSubscriptionId: subscriptionId, status: "active", plan: "team", priceLookupKey: "bastion_team_monthly", quantity: 2 });
    expect((await orgEntitlements(org.id)).plan).toBe("team");
    await deliver(standIn, events.slice(1));
    const processed = await getDb().stripeEvent.findMany({ where: { id: { in: events.map((event) => event.id) } } });
    expect(processed.every((event) => event.processedAt !== null)).toBe(true);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "billing.plan_changed" } })).toBe(1);
  });

  it("stores the event and queues its job in one transaction; a duplicate answers 200 and stores nothing more", async () => {
    const { events } = await paidOrg();
    const first = await postSigned(standIn, events[0]!);
    expect(first).toEqual({ status: 200, json: { received: true } });
    const again = await postSigned(standIn, events[0]!);
    expect(again).toEqual({ status: 200, json: { received: true, duplicate: true } });
    expect(await getDb().stripeEvent.count({ where: { id: events[0]!.id } })).toBe(1);
    expect(await getDb().job.count({ where: { task: PROCESS_STRIPE_EVENT_TASK, uniqueKey: `stripe-event:${events[0]!.id}` } })).toBe(1);
  });

  it("handles every subscription, invoice and customer type by re-reading Stripe", async () => {
    const { org, events, subscriptionId } = await paidOrg({ trialDays: 14 });
    await deliver(standIn, events);
    expect(await stored(org.id)).toMatchObject({ status: "trialing", trialEnd: expect.any(Date) });
    const object = standIn.state.subscriptions.get(subscriptionId)!;
    const customer = standIn.state.customers.get(String(object.customer))!;
    const invoice = [...standIn.state.invoices.values()][0] ?? { id: "in_none", object: "invoice", customer: object.customer };
    const sequence: [string, Record<string, unknown> & { id: string }, () => void][] = [
      ["customer.subscription.trial_will_end", object, () => {}],
      ["customer.subscription.paused", object, () => (object.status = "paused")],
      ["customer.subscription.resumed", object, () => (object.status = "active")],
      ["invoice.upcoming", { ...invoice, customer: object.customer }, () => {}],
      ["customer.updated", customer, () => {}],
      ["invoice.paid", { ...invoice, customer: object.customer }, () => {}],
    ];
    const seen: string[] = [];
    for (const [type, payload, change] of sequence) {
      change();
      await deliver(standIn, [standIn.event(type, payload)]);
      seen.push(`${type}:${(await stored(org.id))!.status}`);
    }
    expect(seen).toEqual([
      "customer.subscription.trial_will_end:trialing",
      "customer.subscription.paused:paused",
      "customer.subscription.resumed:active",
      "invoice.upcoming:active",
      "customer.updated:active",
      "invoice.paid:active",
    ]);
    const covered = new Set([...events.map((event) => event.type), ...sequence.map(([type]) => type), "customer.subscription.updated", "customer.subscription.deleted", "invoice.payment_failed"]);
    expect([...HANDLED_STRIPE_EVENTS].filter((type) => !covered.has(type))).toEqual([]);
  });

  it("invoice.payment_failed starts the grace period: audit, payment.failed event, dunning email job; deleted falls back to Free", async () => {
    const { org, events, subscriptionId } = await paidOrg();
    await deliver(standIn, events);
    await deliver(standIn, standIn.failPayment(subscriptionId));
    const pastDue = (await stored(org.id))!;
    expect(pastDue).toMatchObject({ status: "past_due", pastDueSince: expect.any(Date) });
    const resolved = await orgEntitlements(org.id);
    expect(resolved).toMatchObject({ plan: "team", status: "past_due", graceEndsAt: expect.any(Date) });
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "billing.payment_failed" } })).toBe(1);
    expect(await getDb().orgEvent.count({ where: { orgId: org.id, source: "bastion", type: "payment", action: "failed" } })).toBe(1);
    expect(await getDb().job.count({ where: { task: "billing.dunning-email", payload: { path: ["orgId"], equals: org.id } } })).toBe(1);

    await deliver(standIn, [standIn.cancel(subscriptionId)]);
    expect(await stored(org.id)).toMatchObject({ status: "canceled", pastDueSince: null });
    expect(await orgEntitlements(org.id)).toMatchObject({ plan: "free", lapsedFrom: "team" });
  });

  it("out of order: updated before created, and an old updated after a newer one, end in Stripe's current state", async () => {
    const { org, events, subscriptionId } = await paidOrg();
    const upgraded = standIn.updateSubscription(subscriptionId, { lookupKey: "bastion_enterprise_monthly", quantity: 1 });
    const canceling = standIn.updateSubscription(subscriptionId, { cancel_at_period_end: true });
    await deliver(standIn, [canceling, events[1]!, upgraded, events[0]!]);
    expect(await stored(org.id)).toMatchObject({ plan: "enterprise", cancelAtPeriodEnd: true, quantity: 1 });
    // The watermark records the newest event applied, whatever order they came in.
    expect((await stored(org.id))!.stripeEventAt).toEqual(new Date(canceling.created * 1000));
  });

  it("a slow sync that read Stripe before a newer write does not overwrite it (watermark)", async () => {
    const { org, events, subscriptionId } = await paidOrg();
    await deliver(standIn, events);
    const client = new Stripe(standIn.secretKey, { host: "127.0.0.1", port: new URL(standIn.url).port, protocol: "http" });
    const staleRead = await client.subscriptions.retrieve(subscriptionId);
    const staleReadAt = new Date(Date.now() - 5_000);
    standIn.updateSubscription(subscriptionId, { status: "canceled" });
    await deliver(standIn, [standIn.event("customer.subscription.deleted", standIn.state.subscriptions.get(subscriptionId)!)]);
    expect(await writeSubscription(org.id, staleRead, staleReadAt, null)).toBe("stale");
    expect(await stored(org.id)).toMatchObject({ status: "canceled" });
  });

  it("refuses a bad signature, a stale timestamp and a missing signature with 401, storing nothing", async () => {
    const { events } = await paidOrg();
    const event = events[0]!;
    const counts = async () => Promise.all(["bad_signature", "stale_timestamp", "missing_signature"].map((reason) => refusalCount("stripe", reason)));
    const before = await counts();
    expect((await postSigned(standIn, event, { secret: "whsec_wrong" })).status).toBe(401);
    expect((await postSigned(standIn, event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    expect((await postSigned(standIn, event, { headers: { "stripe-signature": "" } })).status).toBe(401);
    expect((await counts()).map((count, index) => count - before[index]!)).toEqual([1, 1, 1]);
    const refused = await postSigned(standIn, event, { secret: "whsec_wrong" });
    expect(refused.json).toMatchObject({ error: { code: "unauthorized", message: "The webhook could not be verified" } });
    expect(await getDb().stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect((await postSigned(standIn, event, { timestamp: Math.floor(Date.now() / 1000) - 290 })).status).toBe(200);
  });

  it("acknowledges an unknown type and an unknown customer, changing nothing", async () => {
    const { org, events } = await paidOrg();
    await deliver(standIn, events);
    const before = await stored(org.id);
    const unknown = standIn.event("radar.early_fraud_warning.created", { id: "issfr_1", object: "radar.early_fraud_warning" });
    const stranger = standIn.event("customer.subscription.updated", { id: "sub_elsewhere", object: "subscription", customer: "cus_not_ours" });
    for (const event of [unknown, stranger]) {
      expect((await postSigned(standIn, event)).status).toBe(200);
      await processEvent(event.id);
      expect((await getDb().stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).processedAt).not.toBeNull();
    }
    expect(await stored(org.id)).toEqual(before);
  });

  it("answers 400 to a signed body that is not a Stripe event", async () => {
    const body = JSON.stringify({ hello: "world" });
    const header = new Stripe(standIn.secretKey).webhooks.generateTestHeaderString({ payload: body, secret: standIn.webhookSecret });
    const { POST } = await import("@/app/api/webhooks/stripe/route");
    const response = await (POST as (request: Request) => Promise<Response>)(new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": header, "content-type": "application/json" }, body }));
    expect(response.status).toBe(400);
  });
});
