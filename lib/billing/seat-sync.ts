// The seat-sync job: under the org's billing lock, set the live per-seat subscription's
// quantity to the member count. The idempotency key names the subscription, the target
// quantity and the minute, so a retry of this update is replayed by Stripe, while a later
// change back to the same number is a new update. What Stripe answers is a direct read of
// the subscription and is stored through the watermarked write.
import { defineTask } from "../jobs/tasks";
import { customerIdOf } from "./customer";
import { withOrgBillingLock } from "./lock";
import { PLANS } from "./plans";
import { billableSeats, SYNC_SEATS_TASK } from "./seats";
import { billingEnabled, stripe } from "./stripe";
import { subscriptionFields } from "./subscription-fields";
import { liveSubscriptionOf, writeSubscription } from "./sync";

export async function syncSeats(orgId: string): Promise<"updated" | "unchanged" | "none"> {
  if (!billingEnabled()) return "none";
  return withOrgBillingLock(orgId, async () => {
    const customerId = await customerIdOf(orgId);
    const subscription = customerId ? await liveSubscriptionOf(customerId) : null;
    if (!subscription) return "none";
    const fields = subscriptionFields(subscription);
    const item = subscription.items.data[0];
    if (!item || fields.plan === "free" || PLANS[fields.plan].pricing !== "per_seat") return "none";
    const seats = await billableSeats(orgId);
    if (item.quantity === seats) return "unchanged";
    const readAt = new Date();
    const minute = Math.floor(readAt.getTime() / 60_000);
    const updated = await stripe().subscriptions.update(
      subscription.id,
      { items: [{ id: item.id, quantity: seats }], proration_behavior: "create_prorations" },
      { idempotencyKey: `bastion-seats-${subscription.id}-${seats}-${minute}` },
    );
    await writeSubscription(orgId, updated, readAt, null);
    return "updated";
  });
}

export const syncSeatsTask = defineTask<{ orgId: string }>({
  name: SYNC_SEATS_TASK,
  async run({ orgId }) {
    await syncSeats(orgId);
  },
});
