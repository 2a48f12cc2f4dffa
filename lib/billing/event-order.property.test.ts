// Property: any permutation of a subscription's event stream, with duplicates, leaves the
// same stored state (plan, status, seats, period flags, the watermark, the audit trail)
// as delivering the stream once, in order. Holds because every event re-reads Stripe and
// writes under the org's lock with a watermark; writing each payload's own copy of the
// subscription, as starters do, fails it.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import type { StripeEventObject, StripeStandIn } from "../testing/stripe-stand-in";
import { checkoutAs, deliver, sessionIdOf, startBilling, stopBilling } from "./test-billing";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startBilling();
});
afterAll(async () => {
  await stopBilling(standIn);
});

/** A subscription's life at the stand-in: checkout, seats added, a failed payment, recovery, an upgrade, cancel at period end. */
async function lifecycle(): Promise<{ orgId: string; events: StripeEventObject[] }> {
  const { org, owner } = await orgWithMembers();
  const started = await checkoutAs(owner.cookie, org.slug);
  const events = standIn.completeCheckout(sessionIdOf(started.body.url));
  const subscriptionId = String(events[1]!.data.object.id);
  events.push(standIn.updateSubscription(subscriptionId, { quantity: 4 }));
  events.push(...standIn.failPayment(subscriptionId));
  events.push(standIn.updateSubscription(subscriptionId, { status: "active" }));
  events.push(standIn.updateSubscription(subscriptionId, { lookupKey: "bastion_enterprise_yearly", quantity: 1 }));
  events.push(standIn.updateSubscription(subscriptionId, { cancel_at_period_end: true }));
  return { orgId: org.id, events };
}

async function storedState(orgId: string, events: StripeEventObject[]) {
  const row = await getDb().subscription.findUniqueOrThrow({ where: { orgId } });
  const audits = await getDb().auditEvent.findMany({ where: { orgId, action: { startsWith: "billing." }, NOT: { action: "billing.checkout_started" } }, select: { action: true } });
  return {
    status: row.status, plan: row.plan, priceLookupKey: row.priceLookupKey, quantity: row.quantity, cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    pastDue: row.pastDueSince !== null,
    // The watermark, as a position in the stream: the newest event applied.
    newestEventIndex: events.findIndex((event) => event.created * 1000 === row.stripeEventAt?.getTime()),
    audits: audits.map((audit) => audit.action).sort(),
  };
}

describeWith(["postgres", "redis"], "Stripe event order (property)", () => {
  it("any permutation with duplicates ends where in-order delivery ends", async () => {
    const reference = await lifecycle();
    await deliver(standIn, reference.events);
    const expected = await storedState(reference.orgId, reference.events);
    expect(expected).toMatchObject({ status: "active", plan: "enterprise", quantity: 1, cancelAtPeriodEnd: true, newestEventIndex: reference.events.length - 1 });

    const n = reference.events.length;
    const indices = Array.from({ length: n }, (_, index) => index);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(indices, { minLength: n, maxLength: n }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.nat()), { maxLength: 6 }),
        async (order, duplicates) => {
          const run = await lifecycle();
          const sequence = [...order];
          for (const [index, position] of duplicates) sequence.splice(position % (sequence.length + 1), 0, index);
          await deliver(standIn, sequence.map((index) => run.events[index]!));
          expect(await storedState(run.orgId, run.events)).toEqual(expected);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
