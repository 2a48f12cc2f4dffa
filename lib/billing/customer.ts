// The org's one Stripe customer. Created under the per-org billing lock (callers hold it)
// with an idempotency key derived from the org, so double clicks, two tabs and racing
// first checkouts, even across processes or after a crash between Stripe's answer and our
// insert, end with one customer.
// No "server-only" marker: worker jobs look customers up.
import { getDb } from "../db";
import { stripe } from "./stripe";

export async function customerIdOf(orgId: string): Promise<string | null> {
  const row = await getDb().billingCustomer.findUnique({ where: { orgId }, select: { stripeCustomerId: true } });
  return row?.stripeCustomerId ?? null;
}

export async function orgIdOfCustomer(stripeCustomerId: string): Promise<string | null> {
  const row = await getDb().billingCustomer.findUnique({ where: { stripeCustomerId }, select: { orgId: true } });
  return row?.orgId ?? null;
}

/** Call holding withOrgBillingLock(org.id). */
export async function ensureCustomerLocked(org: { id: string; name: string; slug: string }): Promise<string> {
  const existing = await customerIdOf(org.id);
  if (existing) return existing;
  const customer = await stripe().customers.create(
    { name: org.name, metadata: { orgId: org.id, orgSlug: org.slug } },
    { idempotencyKey: `bastion-customer-${org.id}` },
  );
  await getDb().billingCustomer.upsert({ where: { orgId: org.id }, create: { orgId: org.id, stripeCustomerId: customer.id }, update: {} });
  return (await customerIdOf(org.id))!;
}
