// The Stripe stand-in of the browser tests (lib/testing/stripe-stand-in), started by
// global-setup.ts on a fixed port with the catalog synced from lib/billing/plans.ts, so
// billing is on for the whole run (playwright.config.ts gives the server and the worker
// its key, webhook secret and URL). Specs run in other processes: they drive the stand-in
// through its /_stand-in controls and post the events it returns to the app's webhook,
// signed as Stripe signs them (stripe.webhooks.generateTestHeaderString).
import type { APIRequestContext } from "@playwright/test";
import Stripe from "stripe";
import { syncCatalog } from "../../lib/billing/catalog";
import { startStripeStandIn, STRIPE_STAND_IN_SECRET_KEY, STRIPE_STAND_IN_WEBHOOK_SECRET, type StripeEventObject } from "../../lib/testing/stripe-stand-in";
import { e2ePorts } from "./ports";

const standInUrl = `http://127.0.0.1:${e2ePorts.stripeStandIn}`;

export function stripeEnvironment(): Record<string, string> {
  return { STRIPE_SECRET_KEY: STRIPE_STAND_IN_SECRET_KEY, STRIPE_WEBHOOK_SECRET: STRIPE_STAND_IN_WEBHOOK_SECRET, STRIPE_API_URL: standInUrl };
}

export async function startE2eStripe(): Promise<{ close(): Promise<void> }> {
  const standIn = await startStripeStandIn({ port: e2ePorts.stripeStandIn });
  await syncCatalog(new Stripe(STRIPE_STAND_IN_SECRET_KEY, { host: "127.0.0.1", port: e2ePorts.stripeStandIn, protocol: "http" }));
  return standIn;
}

async function control<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${standInUrl}/_stand-in/${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`the Stripe stand-in answered ${response.status} to ${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

type Events = { events: StripeEventObject[] };
type StandInSubscription = { id: string; status: string; customer: string; items: { data: { quantity: number }[] } };

export const stripeStandIn = {
  /** Events of the checkouts paid on the stand-in's checkout page since the last call. */
  paidCheckouts: async () => (await control<Events>("GET", "outbox")).events,
  completeCheckout: async (sessionId: string, trialDays = 0) => (await control<Events>("POST", `checkout-sessions/${sessionId}/complete`, { trialDays })).events,
  failPayment: async (subscriptionId: string) => (await control<Events>("POST", `subscriptions/${subscriptionId}/fail-payment`, {})).events,
  cancel: async (subscriptionId: string) => (await control<Events>("POST", `subscriptions/${subscriptionId}/cancel`, {})).events,
  subscriptions: async (customer?: string) => (await control<{ data: StandInSubscription[] }>("GET", `subscriptions${customer ? `?customer=${customer}` : ""}`)).data,
};

const signer = new Stripe(STRIPE_STAND_IN_SECRET_KEY);

/** Posts each event to /api/webhooks/stripe as Stripe would (raw JSON body, signed header) and expects 200. */
export async function postStripeEvents(api: APIRequestContext, events: StripeEventObject[]): Promise<void> {
  for (const event of events) {
    const payload = JSON.stringify(event);
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: STRIPE_STAND_IN_WEBHOOK_SECRET });
    const response = await api.post("/api/webhooks/stripe", { data: payload, headers: { "content-type": "application/json", "stripe-signature": signature } });
    if (response.status() !== 200) throw new Error(`the webhook answered ${response.status()}: ${await response.text()}`);
  }
}
