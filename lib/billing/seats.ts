// Seats: every member of the org is a billable seat. On plans with a seat cap, inviting
// or accepting beyond it is refused (quota_exceeded). Membership changes queue a seat sync
// that sets the Stripe subscription quantity: additions are debounced into windows (a bulk
// invitation is one update; Stripe allows ~200 quantity updates per subscription an hour),
// removals run at once, so nobody is billed for a member who left.
// No "server-only" marker: the seat-sync job counts them.
import { getDb, type Tx } from "../db";
import { enqueue } from "../jobs/queue";
import { assertQuota, assertWithinQuota } from "./quota";
import { billingEnabled } from "./stripe";

export const SYNC_SEATS_TASK = "billing.sync-seats";
/** Additions within one window make one quantity update. */
export const SEAT_DEBOUNCE_MS = 30_000;

export async function billableSeats(orgId: string, tx: Tx | ReturnType<typeof getDb> = getDb()): Promise<number> {
  return Math.max(1, await tx.membership.count({ where: { orgId } }));
}

/** Inviting: members plus pending email invitations must stay within the seats. */
export async function assertSeatsForInvitation(tx: Tx, orgId: string): Promise<void> {
  await assertQuota(tx, orgId, "seats", 1, async (locked) => {
    const [members, pending] = await Promise.all([
      locked.membership.count({ where: { orgId } }),
      locked.invitation.count({ where: { orgId, kind: "email", acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
    ]);
    return members + pending;
  });
}

/** Resending a pending invitation: refused while members and pending invitations exceed the seats (a downgrade). */
export async function assertSeatsWithinForInvitation(tx: Tx, orgId: string): Promise<void> {
  await assertWithinQuota(tx, orgId, "seats", "invitations", async (locked) => {
    const [members, pending] = await Promise.all([
      locked.membership.count({ where: { orgId } }),
      locked.invitation.count({ where: { orgId, kind: "email", acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
    ]);
    return members + pending;
  });
}

/** Accepting: the members must stay within the seats (link invitations reserve none). */
export async function assertSeatForNewMember(tx: Tx, orgId: string): Promise<void> {
  await assertQuota(tx, orgId, "seats", 1, (locked) => locked.membership.count({ where: { orgId } }));
}

/** Queues the quantity update, in the transaction that changed the members. Billing off: nothing. */
export async function queueSeatSync(tx: Tx, orgId: string, change: "added" | "removed"): Promise<void> {
  if (!billingEnabled()) return;
  if (change === "removed") {
    await enqueue(tx, SYNC_SEATS_TASK, { orgId });
    return;
  }
  const windowEnd = Math.ceil((Date.now() + 1) / SEAT_DEBOUNCE_MS) * SEAT_DEBOUNCE_MS;
  await enqueue(tx, SYNC_SEATS_TASK, { orgId }, { runAt: new Date(windowEnd), uniqueKey: `seats:${orgId}:${windowEnd}` });
}
