// Bastion's own events (source "bastion") in the activity feed, routable to Slack like a
// provider's: a member joined, the secrets' data key was rotated, a payment failed. Each
// is recorded inside the transaction of the change it reports, so both happen or neither.
// No "server-only" marker: billing's webhook job (plain Node) will record payment_failed.
import type { Tx } from "../../db";
import { appUrl } from "../../env";
import { recordOrgEvent } from "./record";

type Org = { orgId: string; orgSlug: string };

/** The event types Bastion emits, for rule editors ("member.joined", …). */
export const BASTION_EVENT_TYPES = ["member.joined", "secret.rotated", "payment.failed"] as const;

async function displayName(tx: Tx, userId: string): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  return user ? user.name?.trim() || user.email : null;
}

const consoleUrl = (orgSlug: string, page?: string) => `${appUrl()}/orgs/${orgSlug}${page ? `/${page}` : ""}`;

export async function recordMemberJoined(tx: Tx, input: Org & { userId: string; role: string }) {
  const actor = await displayName(tx, input.userId);
  return recordOrgEvent(tx, input.orgId, {
    source: "bastion",
    type: "member",
    action: "joined",
    actor,
    resource: input.orgSlug,
    url: consoleUrl(input.orgSlug, "members"),
    summary: `${actor ?? "Someone"} joined ${input.orgSlug} as ${input.role}`,
    occurredAt: new Date(),
    actorId: input.userId,
  });
}

export async function recordDataKeyRotated(tx: Tx, input: Org & { userId: string | null; dataKeyVersion: number }) {
  const actor = input.userId ? await displayName(tx, input.userId) : null;
  return recordOrgEvent(tx, input.orgId, {
    source: "bastion",
    type: "secret",
    action: "rotated",
    actor,
    resource: input.orgSlug,
    url: consoleUrl(input.orgSlug, "secrets"),
    summary: `${actor ?? "Bastion"} rotated the secrets' data key of ${input.orgSlug} (now version ${input.dataKeyVersion})`,
    occurredAt: new Date(),
    actorId: input.userId,
  });
}

/** The entry point for billing: call it in the transaction that stores the failed payment. */
export async function recordPaymentFailed(tx: Tx, input: Org & { amountDue: number; currency: string; invoiceUrl?: string | null; occurredAt?: Date }) {
  const amount = new Intl.NumberFormat("en", { style: "currency", currency: input.currency.toUpperCase() }).format(input.amountDue / 100);
  return recordOrgEvent(tx, input.orgId, {
    source: "bastion",
    type: "payment",
    action: "failed",
    actor: null,
    resource: input.orgSlug,
    url: input.invoiceUrl ?? consoleUrl(input.orgSlug),
    summary: `A payment of ${amount} for ${input.orgSlug} failed`,
    occurredAt: input.occurredAt ?? new Date(),
    actorId: null,
  });
}
