// Every request limit of the API pipeline, in one place, by plan. Limits apply per
// anonymous IP, per signed-in user, per API key and per org (the org limit counts the
// org's API-key traffic, whose org is known before any database work). Fixed windows.
import { env } from "../env";
import type { LimitRule } from "./limiter";

export type Plan = "free" | "pro" | "enterprise";

export type PlanLimits = { anonymousIp: LimitRule; user: LimitRule; apiKey: LimitRule; org: LimitRule };

const perMinute = (name: string, points: number): LimitRule => ({ name, points, durationSeconds: 60 });

export const PLAN_LIMITS: Record<Plan, PlanLimits> = {
  free: { anonymousIp: perMinute("api-ip", 600), user: perMinute("api-user", 600), apiKey: perMinute("api-key", 600), org: perMinute("api-org", 1_200) },
  pro: { anonymousIp: perMinute("api-ip", 600), user: perMinute("api-user", 1_200), apiKey: perMinute("api-key", 3_000), org: perMinute("api-org", 6_000) },
  enterprise: { anonymousIp: perMinute("api-ip", 600), user: perMinute("api-user", 3_000), apiKey: perMinute("api-key", 12_000), org: perMinute("api-org", 30_000) },
};

/**
 * The billing hook: the plan an org is on. Every org is on "free" until the billing
 * issue lands; billing replaces this body (cached, since it runs on every API-key
 * request) and nothing else in the limiter changes.
 */
export async function orgPlan(orgId: string): Promise<Plan> {
  void orgId;
  return "free";
}

/**
 * With BASTION_BENCH=1 (refused in production unless BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA=1,
 * see lib/env.ts) every limit is out of a benchmark's reach:
 * the check still runs (the same Redis round trip), so `npm run bench:*` measures what a
 * check costs rather than how cheap a 429 is.
 */
export function benchAware(rule: LimitRule): LimitRule {
  return env().BASTION_BENCH ? { ...rule, points: 1_000_000_000 } : rule;
}

/**
 * Inbound webhooks, per connection (not per IP: providers deliver bursts from a few
 * addresses). 100 a second sustained covers a busy GitHub organization; a flood beyond
 * it meets 429s, which providers retry or show as failed deliveries.
 */
export const WEBHOOK_CONNECTION_LIMIT: LimitRule = perMinute("webhook-connection", 6_000);

/**
 * The app-level webhook URLs (/api/webhooks/github, /api/webhooks/slack), per sending
 * address, checked before verification: one URL carries every org's deliveries from the
 * provider's few addresses, so the budget is ten connections' worth; it bounds what a
 * single forger can make Bastion hash.
 */
export const WEBHOOK_APP_IP_LIMIT: LimitRule = perMinute("webhook-app-ip", 60_000);

/** Limits for traffic that has no org yet (anonymous, session users): the free plan's. */
export const DEFAULT_LIMITS = PLAN_LIMITS.free;
