// Customers, checkout and portal sessions, subscriptions (quantity updates) and invoices
// with their preview: what Bastion's checkout, portal, sync and console call.
import { json } from "../provider-stand-ins/http";
import { list, num, obj, str } from "./form";
import type { Route } from "./index";
import { listOf, newId, nowSeconds, subscriptionItem, type Obj } from "./state";

const missing = (what: string, id: string) => json(404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}: '${id}'` } });
const LIVE = ["trialing", "active", "past_due", "unpaid", "paused", "incomplete"];

export const customerRoutes: Route = (request, params, state) => {
  if (request.path === "/v1/customers" && request.method === "POST") {
    const customer: Obj = { id: newId("cus"), object: "customer", name: str(params.name) ?? null, email: str(params.email) ?? null, metadata: obj(params.metadata), created: nowSeconds(), invoice_settings: { default_payment_method: null } };
    state.customers.set(customer.id, customer);
    return json(200, customer);
  }
  const one = /^\/v1\/customers\/([^/]+)$/.exec(request.path);
  if (!one) return null;
  const customer = state.customers.get(one[1]!);
  if (!customer) return missing("customer", one[1]!);
  if (request.method === "POST") Object.assign(customer, { name: str(params.name) ?? customer.name, email: str(params.email) ?? customer.email });
  return json(200, customer);
};

export const checkoutRoutes: Route = (request, params, state, origin) => {
  if (request.path === "/v1/checkout/sessions" && request.method === "POST") {
    const customer = str(params.customer);
    if (!customer || !state.customers.has(customer)) return missing("customer", String(customer));
    const lineItems = list(params.line_items).map((item) => ({ price: str(obj(item).price), quantity: num(obj(item).quantity) ?? 1 }));
    for (const line of lineItems) if (!line.price || !state.prices.has(line.price)) return missing("price", String(line.price));
    const id = newId("cs_test");
    const session: Obj = {
      id, object: "checkout.session", mode: str(params.mode), customer, client_reference_id: str(params.client_reference_id) ?? null, metadata: obj(params.metadata),
      line_items: lineItems, status: "open", payment_status: "unpaid", subscription: null, success_url: str(params.success_url), cancel_url: str(params.cancel_url),
      subscription_data: obj(params.subscription_data), automatic_tax: obj(params.automatic_tax), url: `${origin()}/checkout/${id}`, created: nowSeconds(),
    };
    state.checkoutSessions.set(id, session);
    return json(200, session);
  }
  const one = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(request.path);
  if (!one || request.method !== "GET") return null;
  const session = state.checkoutSessions.get(one[1]!);
  return session ? json(200, session) : missing("checkout.session", one[1]!);
};

export const portalRoutes: Route = (request, params, state, origin) => {
  if (request.path !== "/v1/billing_portal/sessions" || request.method !== "POST") return null;
  const customer = str(params.customer);
  if (!customer || !state.customers.has(customer)) return missing("customer", String(customer));
  const id = newId("bps");
  const session: Obj = { id, object: "billing_portal.session", customer, return_url: str(params.return_url), url: `${origin()}/portal/${id}`, created: nowSeconds() };
  state.portalSessions.set(id, session);
  return json(200, session);
};

export const subscriptionRoutes: Route = (request, params, state) => {
  if (request.path === "/v1/subscriptions" && request.method === "GET") {
    const customer = str(params.customer);
    const status = str(params.status) ?? "live";
    const data = [...state.subscriptions.values()]
      .filter((subscription) => (!customer || subscription.customer === customer) && (status === "all" || (status === "live" ? LIVE.includes(String(subscription.status)) : subscription.status === status)))
      .sort((a, b) => Number(b.created) - Number(a.created));
    return json(200, listOf(data, "/v1/subscriptions"));
  }
  const one = /^\/v1\/subscriptions\/([^/]+)$/.exec(request.path);
  if (!one) return null;
  const subscription = state.subscriptions.get(one[1]!);
  if (!subscription) return missing("subscription", one[1]!);
  if (request.method === "POST") {
    const items = list(params.items).map(obj);
    const item = subscriptionItem(subscription);
    for (const change of items) if (str(change.id) === item.id && num(change.quantity) !== undefined) item.quantity = num(change.quantity);
    if (str(params.cancel_at_period_end)) subscription.cancel_at_period_end = str(params.cancel_at_period_end) === "true";
  }
  return json(200, subscription);
};

export const invoiceRoutes: Route = (request, params, state) => {
  if (request.path === "/v1/invoices" && request.method === "GET") {
    const customer = str(params.customer);
    const status = str(params.status);
    const data = [...state.invoices.values()].filter((invoice) => (!customer || invoice.customer === customer) && (!status || invoice.status === status)).sort((a, b) => Number(b.created) - Number(a.created));
    return json(200, listOf(data.slice(0, num(params.limit) ?? 10), "/v1/invoices"));
  }
  if (request.path === "/v1/invoices/create_preview" && request.method === "POST") {
    const subscription = state.subscriptions.get(String(str(params.subscription)));
    if (!subscription) return json(400, { error: { type: "invalid_request_error", code: "invoice_upcoming_none", message: "No upcoming invoices for customer" } });
    const item = subscriptionItem(subscription);
    const amount = Number((item.price as Obj).unit_amount) * Number(item.quantity);
    return json(200, { object: "invoice", id: null, customer: subscription.customer, currency: "usd", amount_due: amount, total: amount, period_start: item.current_period_end, period_end: item.current_period_end, next_payment_attempt: item.current_period_end, created: nowSeconds() });
  }
  const one = /^\/v1\/invoices\/([^/]+)$/.exec(request.path);
  if (!one || request.method !== "GET") return null;
  const invoice = state.invoices.get(one[1]!);
  return invoice ? json(200, invoice) : missing("invoice", one[1]!);
};

export const billingRoutes: Route[] = [customerRoutes, checkoutRoutes, portalRoutes, subscriptionRoutes, invoiceRoutes];
