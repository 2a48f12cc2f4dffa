// Every request limit of the API pipeline, in one place, by plan. Limits apply per
// anonymous IP, per signed-in user, per API key and per org (the org limit counts the
// org's API-key traffic, whose org is known before any database work). Fixed windows.
import { orgEntitlements } from "../billing/entitlements";
import { PLANS, type PlanId, type RateLimits } from "../billing/plans";
import { env } from "../env";
import type { LimitRule } from "./limiter";

export type Plan = PlanId;

export type PlanLimits = { anonymousIp: LimitRule; user: LimitRule; apiKey: LimitRule; org: LimitRule };

const perMinute = (name: string, points: number): LimitRule => ({ name, points, durationSeconds: 60 });

/** The limiter's rules for a plan's per-minute limits (lib/billing/plans.ts holds the numbers). */
function limitsOf(rates: RateLimits): PlanLimits {
  return {
    anonymousIp: perMinute("api-ip", rates.anonymousIp),
    user: perMinute("api-user", rates.user),
    apiKey: perMinute("api-key", rates.apiKey),
    org: perMinute("api-org", rates.org),
  };
}

export const PLAN_LIMITS = Object.fromEntries(Object.entries(PLANS).map(([id, plan]) => [id, limitsOf(plan.entitlements.rateLimits)])) as Record<PlanId, PlanLimits>;

/**
 * The plan an org is on, from billing's entitlements (cached in process, so the API
 * pipeline's hot path costs no database query; billing off: no query at all).
 */
export async function orgPlan(orgId: string): Promise<Plan> {
  return (await orgEntitlements(orgId)).plan;
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
