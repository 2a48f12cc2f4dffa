// Checks every limit that applies to a request at once: in Redis with one script call
// (one round trip), or in-process through rate-limiter-flexible's memory limiter when
// there is no Redis. When Redis fails, this process falls back to its in-process limits
// (never failing open, never a 500), says so once a minute in the log and in readiness,
// and goes back to Redis as soon as a call succeeds again.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { logger } from "../logger";
import { PENDING_USAGE_KEY, countInMemory, takeMemoryUsage, giveBackMemoryUsage } from "../usage/pending";
import type { LimitResult, LimitRule } from "./limiter";
import { MULTI_LIMIT_LUA } from "./multi-limit.lua";

export type LimitCheck = { rule: LimitRule; key: string };

type ScriptClient = Redis & { bastionMultiLimit?: (...args: (string | number)[]) => Promise<number[]> };

const REDIS_DEADLINE_MS = 1_000;
const LOG_INTERVAL_MS = 60_000;

export class MultiLimiter {
  /** Since when this process has used its in-process limits because Redis failed (null: Redis in use). */
  fallbackSince: number | null = null;
  private lastLog = 0;
  private readonly memory = new Map<string, RateLimiterMemory>();

  constructor(private readonly redis: Redis | null) {
    const client = redis as ScriptClient | null;
    // EVALSHA, with EVAL only when Redis does not know the script yet (after a restart).
    if (client && !client.bastionMultiLimit) client.defineCommand("bastionMultiLimit", { lua: MULTI_LIMIT_LUA });
  }

  /** Spends one point of every check; `usageField` is counted only when all allow. */
  async check(checks: LimitCheck[], usageField?: string): Promise<LimitResult[]> {
    if (checks.length === 0 && !usageField) return [];
    if (this.redis) {
      try {
        const results = await this.checkInRedis(checks, usageField);
        if (this.fallbackSince !== null) await this.recovered();
        return results;
      } catch (error) {
        this.fellBack(error);
      }
    }
    return this.checkInMemory(checks, usageField);
  }

  private async checkInRedis(checks: LimitCheck[], usageField?: string): Promise<LimitResult[]> {
    const client = this.redis as ScriptClient;
    const keys = checks.map((check) => `rl:${check.rule.name}:${check.key}`);
    const args = checks.flatMap((check) => [check.rule.points, check.rule.durationSeconds * 1000]);
    if (usageField) keys.push(PENDING_USAGE_KEY);
    const call = client.bastionMultiLimit!(keys.length, ...keys, checks.length, ...args, ...(usageField ? [usageField] : []));
    const reply = await Promise.race([
      call,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("redis did not answer in time")), REDIS_DEADLINE_MS).unref()),
    ]);
    const allowed = reply[0] === 1;
    return checks.map((check, index) => ({
      allowed,
      limit: check.rule.points,
      remaining: Math.max(0, check.rule.points - Number(reply[1 + index * 2])),
      resetSeconds: Math.max(1, Math.ceil(Number(reply[2 + index * 2]) / 1000)),
    }));
  }

  private async checkInMemory(checks: LimitCheck[], usageField?: string): Promise<LimitResult[]> {
    const results: LimitResult[] = [];
    for (const check of checks) {
      try {
        const res = await this.memoryLimiter(check.rule).consume(check.key);
        results.push(resultOf(check.rule, res, true));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        results.push(resultOf(check.rule, rejection, false));
      }
    }
    const allowed = results.every((result) => result.allowed);
    if (allowed && usageField) countInMemory(usageField);
    return results.map((result) => ({ ...result, allowed }));
  }

  private memoryLimiter(rule: LimitRule): RateLimiterMemory {
    const id = `${rule.name}:${rule.points}:${rule.durationSeconds}`;
    let limiter = this.memory.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: `rl:${rule.name}`, points: rule.points, duration: rule.durationSeconds });
      this.memory.set(id, limiter);
    }
    return limiter;
  }

  private fellBack(error: unknown): void {
    this.fallbackSince ??= Date.now();
    if (Date.now() - this.lastLog >= LOG_INTERVAL_MS) {
      this.lastLog = Date.now();
      logger.error({ err: (error as Error)?.message }, "rate limiter: Redis unavailable, using in-process limits in this process");
    }
  }

  /** Redis answers again: hand it the usage this process counted meanwhile. */
  private async recovered(): Promise<void> {
    this.fallbackSince = null;
    logger.info("rate limiter: Redis is back, Redis-backed limits resumed");
    const counted = takeMemoryUsage();
    if (counted.size === 0) return;
    try {
      const batch = this.redis!.multi();
      for (const [field, count] of counted) batch.hincrby(PENDING_USAGE_KEY, field, count);
      await batch.exec();
    } catch {
      giveBackMemoryUsage(counted);
    }
  }
}

function resultOf(rule: LimitRule, res: RateLimiterRes, allowed: boolean): LimitResult {
  return { allowed, limit: rule.points, remaining: Math.max(0, res.remainingPoints), resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}
