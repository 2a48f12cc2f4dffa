// The Stripe objects the stand-in keeps, shaped as the API returns them (API version of
// the installed stripe SDK: periods live on subscription items; an invoice names its
// subscription under parent.subscription_details).
export type Obj = Record<string, unknown> & { id: string };

let counter = 0;
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${Math.random().toString(36).slice(2, 8)}`;
}

/** Strictly increasing "now" in seconds, so events made one after another have distinct, ordered `created` times. */
let lastSeconds = 0;
export function nowSeconds(): number {
  lastSeconds = Math.max(lastSeconds + 1, Math.floor(Date.now() / 1000));
  return lastSeconds;
}

export type StripeState = {
  customers: Map<string, Obj>;
  products: Map<string, Obj>;
  prices: Map<string, Obj>;
  meters: Map<string, Obj>;
  meterEvents: Map<string, Obj>;
  checkoutSessions: Map<string, Obj>;
  portalSessions: Map<string, Obj>;
  subscriptions: Map<string, Obj>;
  invoices: Map<string, Obj>;
  /** Idempotency-Key -> the answer first given for it. */
  idempotent: Map<string, { status: number; body: unknown }>;
};

export function emptyState(): StripeState {
  return {
    customers: new Map(),
    products: new Map(),
    prices: new Map(),
    meters: new Map(),
    meterEvents: new Map(),
    checkoutSessions: new Map(),
    portalSessions: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    idempotent: new Map(),
  };
}

export const listOf = (data: unknown[], url: string) => ({ object: "list", data, has_more: false, url });

export function subscriptionItem(subscription: Obj): Obj {
  return ((subscription.items as { data: Obj[] }).data)[0]!;
}
