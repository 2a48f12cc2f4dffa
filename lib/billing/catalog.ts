// Makes the Stripe account's catalog match plans.ts, idempotently: one product per paid
// plan (its id chosen by us), one recurring price per plan and interval found by lookup
// key (a changed amount makes a new price that takes the key over; Stripe prices are
// immutable), and the API-requests billing meter. Running it twice changes nothing.
// No "server-only" marker: `npm run billing:sync-catalog` runs it from a script.
import type Stripe from "stripe";
import { API_REQUESTS_METER, PAID_PLAN_IDS, PLANS, lookupKey, productId, type Interval, type PaidPlanId } from "./plans";

export type CatalogChange = { kind: "product" | "price" | "meter"; id: string; action: "created" | "updated" | "unchanged" };

async function syncProduct(client: Stripe, plan: PaidPlanId): Promise<CatalogChange> {
  const id = productId(plan);
  const { name, description } = PLANS[plan];
  try {
    const existing = await client.products.retrieve(id);
    if (existing.name === name && existing.description === description && existing.active) return { kind: "product", id, action: "unchanged" };
    await client.products.update(id, { name, description, active: true });
    return { kind: "product", id, action: "updated" };
  } catch (error) {
    if ((error as { code?: string }).code !== "resource_missing") throw error;
    await client.products.create({ id, name, description, metadata: { bastion_plan: plan } });
    return { kind: "product", id, action: "created" };
  }
}

async function syncPrice(client: Stripe, plan: PaidPlanId, interval: Interval): Promise<CatalogChange> {
  const key = lookupKey(plan, interval);
  const amount = PLANS[plan].prices![interval];
  const { data } = await client.prices.list({ lookup_keys: [key], active: true, limit: 1 });
  const current = data[0];
  if (current && current.unit_amount === amount && current.recurring?.interval === interval) return { kind: "price", id: key, action: "unchanged" };
  await client.prices.create({
    product: productId(plan), currency: "usd", unit_amount: amount, recurring: { interval }, lookup_key: key, transfer_lookup_key: true, metadata: { bastion_plan: plan },
  });
  if (current) await client.prices.update(current.id, { active: false });
  return { kind: "price", id: key, action: current ? "updated" : "created" };
}

async function syncMeter(client: Stripe): Promise<CatalogChange> {
  const meters = await client.billing.meters.list({ limit: 100 });
  const existing = meters.data.find((meter) => meter.event_name === API_REQUESTS_METER.eventName);
  if (existing) return { kind: "meter", id: API_REQUESTS_METER.eventName, action: "unchanged" };
  await client.billing.meters.create({
    display_name: API_REQUESTS_METER.displayName,
    event_name: API_REQUESTS_METER.eventName,
    default_aggregation: { formula: "sum" },
    customer_mapping: { type: "by_id", event_payload_key: "stripe_customer_id" },
    value_settings: { event_payload_key: "value" },
  });
  return { kind: "meter", id: API_REQUESTS_METER.eventName, action: "created" };
}

export async function syncCatalog(client: Stripe): Promise<CatalogChange[]> {
  const changes: CatalogChange[] = [];
  for (const plan of PAID_PLAN_IDS) {
    changes.push(await syncProduct(client, plan));
    for (const interval of ["month", "year"] as const) changes.push(await syncPrice(client, plan, interval));
  }
  changes.push(await syncMeter(client));
  return changes;
}
