// Fixed-window rate limits through rate-limiter-flexible: Redis in server mode (one
// atomic Lua call per check), in-process in single-process mode. If Redis fails, the
// in-process "insurance" limiter takes over for this process instead of letting
// everything through, and Redis-backed limits resume when it is back.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env";
import { logger } from "../logger";
import { rateLimitDecisions } from "../metrics/registry";
import { getRedis } from "../redis";
import { processSingleton } from "../runtime";

export type LimitRule = { name: string; points: number; durationSeconds: number };

export type LimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

let lastFallbackLog = 0;

function limiterFor(rule: LimitRule): RateLimiterAbstract {
  return processSingleton(`rate-limiter:${rule.name}:${rule.points}:${rule.durationSeconds}`, () => {
    const options = { keyPrefix: `rl:${rule.name}`, points: rule.points, duration: rule.durationSeconds };
    const memory = new RateLimiterMemory(options);
    const redis = getRedis();
    if (!redis) return memory;
    return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory, rejectIfRedisNotReady: true });
  });
}

function resultOf(rule: LimitRule, response: RateLimiterRes, allowed: boolean): LimitResult {
  return {
    allowed,
    limit: rule.points,
    remaining: Math.max(0, response.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(response.msBeforeNext / 1000)),
  };
}

/** Spends `points` of `key`'s allowance under `rule`. */
export async function consume(rule: LimitRule, key: string, points = 1): Promise<LimitResult> {
  const result = await decide(rule, key, points);
  rateLimitDecisions.inc({ decision: result.allowed ? "allowed" : "limited" });
  return result;
}

async function decide(rule: LimitRule, key: string, points: number): Promise<LimitResult> {
  // BASTION_RATE_LIMIT=0 (benchmarks, trusted networks): no store is touched.
  if (!env().BASTION_RATE_LIMIT) return { allowed: true, limit: rule.points, remaining: rule.points, resetSeconds: rule.durationSeconds };
  try {
    return resultOf(rule, await limiterFor(rule).consume(key, points), true);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return resultOf(rule, rejection, false);
    // Neither Redis nor the insurance limiter answered: refuse rather than fail open.
    if (Date.now() - lastFallbackLog > 60_000) {
      lastFallbackLog = Date.now();
      logger.error({ err: (rejection as Error)?.message }, "rate limiter unavailable; refusing limited requests");
    }
    return { allowed: false, limit: rule.points, remaining: 0, resetSeconds: 1 };
  }
}

/** Gives points back (e.g. forget failed sign-ins after a success). */
export async function reset(rule: LimitRule, key: string): Promise<void> {
  await limiterFor(rule).delete(key).catch(() => {});
}

export function rateLimitHeaders(result: LimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-limit": String(result.limit),
    "ratelimit-remaining": String(result.remaining),
    "ratelimit-reset": String(result.resetSeconds),
  };
  if (!result.allowed) headers["retry-after"] = String(result.resetSeconds);
  return headers;
}
