// "Upgrade" and "Manage billing". Both run under the org's billing lock. An org with a
// live subscription is sent to the customer portal, never to a second checkout; an open
// Checkout Session for the same offer is handed out again (double clicks, two tabs), and
// each attempt's idempotency key makes a retried request return the same session. The
// success redirect grants nothing: plans come from Stripe reads (sync.ts) only.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { auditFields, type OrgContext } from "../context";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { appUrl, env } from "../env";
import { AppError, Conflict } from "../errors";
import { ensureCustomerLocked, customerIdOf } from "./customer";
import { withOrgBillingLock } from "./lock";
import { PLANS, lookupKey } from "./plans";
import type { checkoutSchema } from "./schemas";
import { billableSeats } from "./seats";
import { billingEnabled, stripe } from "./stripe";
import { liveSubscriptionOf } from "./sync";

export type BillingRedirect = { kind: "checkout" | "portal"; url: string };

export function assertBillingOn(): void {
  if (!billingEnabled()) throw new Conflict("Billing is not configured on this installation");
}

const billingPage = (slug: string, query: string) => `${appUrl()}/orgs/${slug}/billing?${query}`;

async function orgOf(ctx: OrgContext) {
  return getDb().organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { id: true, name: true, slug: true } });
}

async function portalSession(customerId: string, slug: string): Promise<BillingRedirect> {
  const session = await stripe().billingPortal.sessions.create({ customer: customerId, return_url: billingPage(slug, "portal=return") });
  return { kind: "portal", url: session.url };
}

async function priceIdOf(key: string): Promise<string> {
  const { data } = await stripe().prices.list({ lookup_keys: [key], active: true, limit: 1 });
  if (!data[0]) throw new AppError("unavailable", `The Stripe price ${key} does not exist yet; an operator runs npm run billing:sync-catalog`);
  return data[0].id;
}

export async function startCheckout(ctx: OrgContext, input: z.output<typeof checkoutSchema>): Promise<BillingRedirect> {
  assertBillingOn();
  const org = await orgOf(ctx);
  return withOrgBillingLock(org.id, async () => {
    const customerId = await ensureCustomerLocked(org);
    if (await liveSubscriptionOf(customerId)) return portalSession(customerId, org.slug);

    const key = lookupKey(input.plan, input.interval);
    const quantity = PLANS[input.plan].pricing === "per_seat" ? await billableSeats(org.id) : 1;
    const offer = `${key}x${quantity}`;
    const customer = await getDb().billingCustomer.findUniqueOrThrow({ where: { orgId: org.id } });
    if (customer.checkoutSessionId && customer.checkoutOffer === offer) {
      const open = await stripe().checkout.sessions.retrieve(customer.checkoutSessionId);
      if (open.status === "open" && open.url) return { kind: "checkout", url: open.url };
    }

    const trialDays = env().BILLING_TRIAL_DAYS;
    const session = await stripe().checkout.sessions.create(
      {
        mode: "subscription",
        customer: customerId,
        client_reference_id: org.id,
        metadata: { orgId: org.id },
        line_items: [{ price: await priceIdOf(key), quantity }],
        subscription_data: { metadata: { orgId: org.id }, ...(trialDays > 0 ? { trial_period_days: trialDays } : {}) },
        ...(env().BILLING_AUTOMATIC_TAX ? { automatic_tax: { enabled: true }, customer_update: { address: "auto" as const } } : {}),
        success_url: billingPage(org.slug, "checkout=success"),
        cancel_url: billingPage(org.slug, "checkout=canceled"),
      },
      { idempotencyKey: `bastion-checkout-${org.id}-${input.attemptId ?? randomUUID()}-${offer}` },
    );
    if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
    await getDb().$transaction(async (tx) => {
      await tx.billingCustomer.update({ where: { orgId: org.id }, data: { checkoutSessionId: session.id, checkoutOffer: offer } });
      await recordAudit(tx, { ...auditFields(ctx), action: "billing.checkout_started", targetType: "org", targetId: org.id, metadata: { plan: input.plan, interval: input.interval, quantity } });
    });
    return { kind: "checkout", url: session.url };
  });
}

export async function openPortal(ctx: OrgContext): Promise<BillingRedirect> {
  assertBillingOn();
  const customerId = await customerIdOf(ctx.org.id);
  if (!customerId) throw new Conflict("This organization has no billing account yet; choose a plan first");
  return portalSession(customerId, ctx.org.slug);
}
