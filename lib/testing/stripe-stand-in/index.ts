// A local Stripe for tests and the browser tests: a node:http server on loopback speaking
// the paths and form encoding the stripe SDK uses (customers, checkout and portal
// sessions, subscriptions, invoices and invoice previews, products and prices by lookup
// key, billing meters and meter events), honouring Idempotency-Key. Test helpers play the
// customer's side (complete a checkout, fail a payment, cancel) and return the events
// Stripe would send, signed with stripe.webhooks.generateTestHeaderString.
// Plain Node only (no lib/env, no server-only): the browser tests' global setup loads it.
import Stripe from "stripe";
import { json, startStandInServer, type StandInReply, type StandInRequest, type StandInServer } from "../provider-stand-ins/http";
import { parseStripeForm, type FormObject } from "./form";
import { catalogRoutes } from "./routes-catalog";
import { billingRoutes } from "./routes-billing";
import { emptyState, newId, nowSeconds, subscriptionItem, type Obj, type StripeState } from "./state";

export type StripeEventObject = { id: string; object: "event"; type: string; created: number; data: { object: Obj }; api_version: string; livemode: false };

export type StripeStandIn = StandInServer & {
  state: StripeState;
  secretKey: string;
  webhookSecret: string;
  /** The customer pays: the session completes and a subscription starts (trialing with trialDays). */
  completeCheckout(sessionId: string, options?: { trialDays?: number }): StripeEventObject[];
  /** Changes a subscription as Stripe would (portal, dunning) and returns its `updated` event. */
  updateSubscription(subscriptionId: string, changes: Partial<{ status: string; quantity: number; cancel_at_period_end: boolean; lookupKey: string }>): StripeEventObject;
  failPayment(subscriptionId: string): StripeEventObject[];
  cancel(subscriptionId: string): StripeEventObject;
  event(type: string, object: Obj): StripeEventObject;
  /** Stripe is down for the next `times` requests whose path includes `path`: 503 in Stripe's error shape; 0 ends it. */
  outage(path: string, times: number): void;
  /** The raw body and headers Stripe would post for an event. */
  signed(event: StripeEventObject, options?: { secret?: string; timestamp?: number }): { body: string; headers: Record<string, string> };
  /** Events of checkouts a browser paid on the stand-in's checkout page, not yet taken by a test. */
  outbox: StripeEventObject[];
};

export const STRIPE_STAND_IN_SECRET_KEY = "sk_test_bastionstandin";
export const STRIPE_STAND_IN_WEBHOOK_SECRET = "whsec_bastionstandin";

export type Route = (request: StandInRequest, params: FormObject, state: StripeState, origin: () => string) => StandInReply | null;

export async function startStripeStandIn(options: { port?: number } = {}): Promise<StripeStandIn> {
  const state = emptyState();
  const signer = new Stripe(STRIPE_STAND_IN_SECRET_KEY);
  let origin = "";
  const routes: Route[] = [...catalogRoutes, ...billingRoutes];

  const outages: { path: string; left: number }[] = [];
  const server = await startStandInServer((request) => {
    const control = controlRoutes(request);
    if (control) return control;
    const outage = outages.find((candidate) => candidate.left > 0 && request.path.includes(candidate.path));
    if (outage) {
      outage.left -= 1;
      return json(503, { error: { type: "api_error", message: "Stripe is unavailable (stand-in outage)" } }, { "stripe-should-retry": "false" });
    }
    if (request.auth()?.value !== STRIPE_STAND_IN_SECRET_KEY) return json(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
    const key = request.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" && request.method === "POST" ? `${request.path}:${key}` : null;
    const replay = idempotencyKey ? state.idempotent.get(idempotencyKey) : undefined;
    if (replay) return json(replay.status, replay.body, { "idempotent-replayed": "true" });
    const params = parseStripeForm(request.method === "GET" || request.method === "DELETE" ? request.query : new URLSearchParams(request.body.toString("utf8")));
    for (const handle of routes) {
      const reply = handle(request, params, state, () => origin);
      if (!reply) continue;
      if (idempotencyKey && reply.status < 500) state.idempotent.set(idempotencyKey, { status: reply.status, body: reply.body });
      return reply;
    }
    return json(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${request.method}: ${request.path})` } });
  }, options);
  origin = server.url;

  const event = (type: string, object: Obj): StripeEventObject => ({
    id: newId("evt"), object: "event", type, created: nowSeconds(), data: { object: structuredClone(object) }, api_version: Stripe.API_VERSION, livemode: false,
  });

  function addInvoice(subscription: Obj, status: "paid" | "open"): Obj {
    const item = subscriptionItem(subscription);
    const price = item.price as Obj;
    const id = newId("in");
    const amount = Number(price.unit_amount) * Number(item.quantity);
    const invoice: Obj = {
      id, object: "invoice", customer: subscription.customer, status, currency: "usd", amount_due: amount, amount_paid: status === "paid" ? amount : 0,
      created: nowSeconds(), number: `BST-${state.invoices.size + 1}`, period_start: item.current_period_start, period_end: item.current_period_end,
      hosted_invoice_url: `${origin}/hosted/invoices/${id}`, invoice_pdf: `${origin}/hosted/invoices/${id}.pdf`,
      parent: { type: "subscription_details", subscription_details: { subscription: subscription.id } },
    };
    state.invoices.set(id, invoice);
    return invoice;
  }

  function startSubscription(session: Obj, trialDays: number): Obj {
    const now = nowSeconds();
    const line = (session.line_items as Obj[])[0]!;
    const price = state.prices.get(String(line.price))!;
    const periodEnd = now + (trialDays ? trialDays * 86_400 : (price.recurring as Obj).interval === "year" ? 365 * 86_400 : 30 * 86_400);
    const id = newId("sub");
    const subscription: Obj = {
      id, object: "subscription", customer: session.customer, status: trialDays ? "trialing" : "active", created: now, start_date: now,
      cancel_at_period_end: false, canceled_at: null, ended_at: null, trial_end: trialDays ? periodEnd : null, metadata: session.metadata ?? {},
      items: { object: "list", data: [{ id: newId("si"), object: "subscription_item", price, quantity: Number(line.quantity ?? 1), current_period_start: now, current_period_end: periodEnd }] },
    };
    state.subscriptions.set(id, subscription);
    const customer = state.customers.get(String(session.customer));
    if (customer) customer.invoice_settings = { default_payment_method: { id: newId("pm"), object: "payment_method", type: "card", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 } } };
    return subscription;
  }

  const outbox: StripeEventObject[] = [];
  const page = (title: string, body: string) => ({ status: 200, body: `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>` });

  // What the browser sees of Stripe (the hosted checkout and portal pages), and the test
  // controls that browser tests in another process call over HTTP (unauthenticated: loopback, tests only).
  function controlRoutes(request: StandInRequest): StandInReply | null {
    const checkout = /^\/checkout\/([^/]+)(\/pay)?$/.exec(request.path);
    if (checkout) {
      const session = state.checkoutSessions.get(checkout[1]!);
      if (!session) return json(404, { error: { message: "no such checkout session" } });
      if (!checkout[2]) {
        const line = (session.line_items as Obj[])[0]!;
        const price = state.prices.get(String(line.price));
        return page("Stripe stand-in checkout", `<p>${String(price?.lookup_key)} x ${String(line.quantity)}</p><form method="post" action="/checkout/${session.id}/pay"><button type="submit">Subscribe</button></form>`);
      }
      outbox.push(...standIn.completeCheckout(session.id));
      return { status: 303, headers: { location: String(session.success_url) } };
    }
    if (/^\/portal\/[^/]+$/.test(request.path)) return page("Stripe stand-in customer portal", "<p>Manage your subscription.</p>");
    if (request.path.startsWith("/hosted/invoices/")) return page("Stripe stand-in invoice", "<p>Invoice.</p>");
    if (!request.path.startsWith("/_stand-in/")) return null;
    const body = request.json();
    if (request.method === "GET" && request.path === "/_stand-in/outbox") return json(200, { events: outbox.splice(0) });
    if (request.method === "GET" && request.path === "/_stand-in/subscriptions") {
      const customer = request.query.get("customer");
      return json(200, { data: [...state.subscriptions.values()].filter((subscription) => !customer || subscription.customer === customer) });
    }
    const sessionAction = /^\/_stand-in\/checkout-sessions\/([^/]+)\/complete$/.exec(request.path);
    if (sessionAction && request.method === "POST") return json(200, { events: standIn.completeCheckout(sessionAction[1]!, { trialDays: Number(body.trialDays ?? 0) }) });
    const action = /^\/_stand-in\/subscriptions\/([^/]+)\/(fail-payment|cancel|update)$/.exec(request.path);
    if (action && request.method === "POST") {
      if (!state.subscriptions.has(action[1]!)) return json(404, { error: { message: "no such subscription" } });
      if (action[2] === "fail-payment") return json(200, { events: standIn.failPayment(action[1]!) });
      if (action[2] === "cancel") return json(200, { events: [standIn.cancel(action[1]!)] });
      return json(200, { events: [standIn.updateSubscription(action[1]!, body as Parameters<StripeStandIn["updateSubscription"]>[1])] });
    }
    return json(404, { error: { message: `no stand-in control ${request.method} ${request.path}` } });
  }

  const standIn: StripeStandIn = {
    ...server,
    outbox,
    state,
    secretKey: STRIPE_STAND_IN_SECRET_KEY,
    webhookSecret: STRIPE_STAND_IN_WEBHOOK_SECRET,
    event,
    outage(path, times) {
      for (const existing of outages) if (existing.path === path) existing.left = 0;
      if (times > 0) outages.push({ path, left: times });
    },
    completeCheckout(sessionId, { trialDays = 0 } = {}) {
      const session = state.checkoutSessions.get(sessionId);
      if (!session || session.status !== "open") throw new Error(`no open checkout session ${sessionId}`);
      const subscription = startSubscription(session, trialDays);
      Object.assign(session, { status: "complete", payment_status: trialDays ? "no_payment_required" : "paid", subscription: subscription.id });
      const events = [event("checkout.session.completed", session), event("customer.subscription.created", subscription)];
      if (!trialDays) events.push(event("invoice.paid", addInvoice(subscription, "paid")));
      return events;
    },
    updateSubscription(subscriptionId, changes) {
      const subscription = state.subscriptions.get(subscriptionId)!;
      const item = subscriptionItem(subscription);
      if (changes.status) subscription.status = changes.status;
      if (changes.quantity !== undefined) item.quantity = changes.quantity;
      if (changes.cancel_at_period_end !== undefined) subscription.cancel_at_period_end = changes.cancel_at_period_end;
      if (changes.lookupKey) item.price = [...state.prices.values()].find((price) => price.lookup_key === changes.lookupKey && price.active)!;
      return event("customer.subscription.updated", subscription);
    },
    failPayment(subscriptionId) {
      const subscription = state.subscriptions.get(subscriptionId)!;
      subscription.status = "past_due";
      return [event("invoice.payment_failed", addInvoice(subscription, "open")), event("customer.subscription.updated", subscription)];
    },
    cancel(subscriptionId) {
      const subscription = state.subscriptions.get(subscriptionId)!;
      Object.assign(subscription, { status: "canceled", canceled_at: nowSeconds(), ended_at: nowSeconds() });
      return event("customer.subscription.deleted", subscription);
    },
    signed(stripeEvent, { secret = STRIPE_STAND_IN_WEBHOOK_SECRET, timestamp } = {}) {
      const body = JSON.stringify(stripeEvent);
      const header = signer.webhooks.generateTestHeaderString({ payload: body, secret, ...(timestamp ? { timestamp } : {}) });
      return { body, headers: { "content-type": "application/json", "stripe-signature": header } };
    },
  };
  return standIn;
}
