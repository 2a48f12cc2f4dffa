// Products, prices (found by lookup key), billing meters and meter events. Meter events
// are de-duplicated by identifier, as Stripe does within its window: the first value wins.
import { json } from "../provider-stand-ins/http";
import { list, num, obj, str } from "./form";
import type { Route } from "./index";
import { listOf, newId, nowSeconds, type Obj } from "./state";

const missing = (what: string, id: string) => json(404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}: '${id}'` } });

export const productRoutes: Route = (request, params, state) => {
  const one = /^\/v1\/products\/([^/]+)$/.exec(request.path);
  if (request.path === "/v1/products" && request.method === "POST") {
    const id = str(params.id) ?? newId("prod");
    if (state.products.has(id)) return json(400, { error: { type: "invalid_request_error", code: "resource_already_exists", message: `Product already exists: ${id}` } });
    const product: Obj = { id, object: "product", name: str(params.name), description: str(params.description) ?? null, active: true, metadata: obj(params.metadata), created: nowSeconds() };
    state.products.set(id, product);
    return json(200, product);
  }
  if (!one) return null;
  const product = state.products.get(one[1]!);
  if (!product) return missing("product", one[1]!);
  if (request.method === "POST") Object.assign(product, { name: str(params.name) ?? product.name, description: str(params.description) ?? product.description, active: true });
  return json(200, product);
};

export const priceRoutes: Route = (request, params, state) => {
  if (request.path === "/v1/prices" && request.method === "GET") {
    const keys = list(params.lookup_keys).map(String);
    const active = str(params.active);
    const data = [...state.prices.values()].filter((price) => (keys.length === 0 || keys.includes(String(price.lookup_key))) && (active === undefined || String(price.active) === active));
    return json(200, listOf(data, "/v1/prices"));
  }
  if (request.path === "/v1/prices" && request.method === "POST") {
    const lookupKey = str(params.lookup_key) ?? null;
    if (lookupKey) {
      for (const price of state.prices.values()) {
        if (price.lookup_key !== lookupKey) continue;
        if (str(params.transfer_lookup_key) !== "true") return json(400, { error: { type: "invalid_request_error", message: `A price (${price.id}) already uses that lookup key.` } });
        price.lookup_key = null;
      }
    }
    const recurring = obj(params.recurring);
    const price: Obj = {
      id: newId("price"), object: "price", product: str(params.product), currency: str(params.currency) ?? "usd", unit_amount: num(params.unit_amount) ?? null,
      lookup_key: lookupKey, active: true, type: "recurring", metadata: obj(params.metadata), created: nowSeconds(),
      recurring: { interval: str(recurring.interval) ?? "month", interval_count: 1, usage_type: str(recurring.usage_type) ?? "licensed", meter: str(recurring.meter) ?? null },
    };
    state.prices.set(price.id, price);
    return json(200, price);
  }
  const one = /^\/v1\/prices\/([^/]+)$/.exec(request.path);
  if (!one) return null;
  const price = state.prices.get(one[1]!);
  if (!price) return missing("price", one[1]!);
  if (request.method === "POST" && str(params.active)) price.active = str(params.active) === "true";
  return json(200, price);
};

export const meterRoutes: Route = (request, params, state) => {
  if (request.path === "/v1/billing/meters" && request.method === "GET") return json(200, listOf([...state.meters.values()], "/v1/billing/meters"));
  if (request.path === "/v1/billing/meters" && request.method === "POST") {
    const eventName = str(params.event_name)!;
    if ([...state.meters.values()].some((meter) => meter.event_name === eventName)) return json(400, { error: { type: "invalid_request_error", message: "A meter with this event_name already exists." } });
    const meter: Obj = { id: newId("mtr"), object: "billing.meter", display_name: str(params.display_name), event_name: eventName, status: "active", default_aggregation: obj(params.default_aggregation), customer_mapping: obj(params.customer_mapping), value_settings: obj(params.value_settings) };
    state.meters.set(meter.id, meter);
    return json(200, meter);
  }
  if (request.path === "/v1/billing/meter_events" && request.method === "POST") {
    const identifier = str(params.identifier) ?? newId("mev");
    const existing = state.meterEvents.get(identifier);
    if (existing) return json(200, existing);
    const meterEvent: Obj = { id: identifier, object: "billing.meter_event", event_name: str(params.event_name), identifier, payload: obj(params.payload), timestamp: num(params.timestamp) ?? nowSeconds(), created: nowSeconds() };
    state.meterEvents.set(identifier, meterEvent);
    return json(200, meterEvent);
  }
  return null;
};

export const catalogRoutes: Route[] = [productRoutes, priceRoutes, meterRoutes];
