// The one file that names plans: prices, Stripe lookup keys and entitlements. The rate
// limiter, every quota, the billing console's comparison table and
// `npm run billing:sync-catalog` (which creates the Stripe products, prices and meter
// from this file) all read it. Pure data: no environment, no database.

export const PLAN_IDS = ["free", "team", "enterprise", "self-hosted"] as const;
export type PlanId = (typeof PLAN_IDS)[number];
/** The plans Stripe sells (self-hosted is for installs with billing off). */
export const PAID_PLAN_IDS = ["team", "enterprise"] as const satisfies readonly PlanId[];
export type PaidPlanId = (typeof PAID_PLAN_IDS)[number];
export type Interval = "month" | "year";

/** Requests per minute of the API pipeline's limits (fixed windows). */
export type RateLimits = { anonymousIp: number; user: number; apiKey: number; org: number };

export type Entitlements = {
  seats: number;
  secrets: number;
  integrations: number;
  apiRequestsPerMonth: number;
  rateLimits: RateLimits;
  auditRetentionDays: number;
  sso: boolean;
};

export type Plan = {
  id: PlanId;
  name: string;
  description: string;
  /** per_seat: the subscription quantity is the org's member count. */
  pricing: "free" | "per_seat" | "flat";
  /** Prices in cents (USD), per seat for per-seat plans. */
  prices: Record<Interval, number> | null;
  entitlements: Entitlements;
};

const FREE_RATE_LIMITS: RateLimits = { anonymousIp: 600, user: 600, apiKey: 600, org: 1_200 };

export const PLANS: Record<PlanId, Plan> = {
  free: {
    id: "free",
    name: "Free",
    description: "For trying Bastion with a small team.",
    pricing: "free",
    prices: null,
    entitlements: { seats: 3, secrets: 50, integrations: 2, apiRequestsPerMonth: 10_000, rateLimits: FREE_RATE_LIMITS, auditRetentionDays: 30, sso: false },
  },
  team: {
    id: "team",
    name: "Team",
    description: "For growing teams: more of everything, billed per seat.",
    pricing: "per_seat",
    prices: { month: 1_200, year: 12_000 },
    entitlements: {
      seats: 50,
      secrets: 1_000,
      integrations: 20,
      apiRequestsPerMonth: 1_000_000,
      rateLimits: { anonymousIp: 600, user: 1_200, apiKey: 3_000, org: 6_000 },
      auditRetentionDays: 365,
      sso: false,
    },
  },
  enterprise: {
    id: "enterprise",
    name: "Enterprise",
    description: "SSO, long audit retention and high limits, at a flat price.",
    pricing: "flat",
    prices: { month: 200_000, year: 2_000_000 },
    entitlements: {
      seats: Infinity,
      secrets: Infinity,
      integrations: Infinity,
      apiRequestsPerMonth: 50_000_000,
      rateLimits: { anonymousIp: 600, user: 3_000, apiKey: 12_000, org: 30_000 },
      auditRetentionDays: 3_650,
      sso: true,
    },
  },
  // Billing off (no STRIPE_SECRET_KEY): a company-internal install has no quotas. Its rate
  // limits are the free plan's, the limits every org had before billing existed.
  "self-hosted": {
    id: "self-hosted",
    name: "Self-hosted",
    description: "Every feature without quotas, for installs that do not bill.",
    pricing: "free",
    prices: null,
    entitlements: {
      seats: Infinity,
      secrets: Infinity,
      integrations: Infinity,
      apiRequestsPerMonth: Infinity,
      rateLimits: FREE_RATE_LIMITS,
      // The longest retention an org may choose (lib/orgs/schemas.ts).
      auditRetentionDays: 3_650,
      sso: true,
    },
  },
};

export function isPlanId(value: string): value is PlanId {
  return (PLAN_IDS as readonly string[]).includes(value);
}

export function isPaidPlanId(value: string): value is PaidPlanId {
  return (PAID_PLAN_IDS as readonly string[]).includes(value);
}

/** Stripe prices are found by lookup key, never by an id pasted into the environment. */
export function lookupKey(plan: PaidPlanId, interval: Interval): string {
  return `bastion_${plan}_${interval === "month" ? "monthly" : "yearly"}`;
}

/** The plan and interval a lookup key names, or null for a price Bastion did not create. */
export function planOfLookupKey(key: string | null | undefined): { plan: PaidPlanId; interval: Interval } | null {
  const match = /^bastion_(\w+?)_(monthly|yearly)$/.exec(key ?? "");
  if (!match || !isPaidPlanId(match[1]!)) return null;
  return { plan: match[1], interval: match[2] === "monthly" ? "month" : "year" };
}

/** The product's Stripe lookup id (products have no lookup keys; their id is chosen). */
export function productId(plan: PaidPlanId): string {
  return `bastion_${plan}`;
}

/** The Stripe Billing Meter that API requests are reported to. */
export const API_REQUESTS_METER = { eventName: "bastion_api_requests", displayName: "Bastion API requests" } as const;

/** The cheapest paid plan whose entitlement `key` allows `needed`; null if none does. */
export function planThatLifts(key: "seats" | "secrets" | "integrations" | "apiRequestsPerMonth", needed: number): PaidPlanId | null {
  return PAID_PLAN_IDS.find((id) => PLANS[id].entitlements[key] >= needed) ?? null;
}
