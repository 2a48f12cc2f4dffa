// Spends one point of every limit a request falls under (per IP, per email) and refuses
// with 429, Retry-After and RateLimit-* headers when any of them is exhausted.
import "server-only";
import { RateLimited } from "../errors";
import { consume, rateLimitHeaders, type LimitResult, type LimitRule } from "../rate-limit/limiter";

export type LimitCheck = [rule: LimitRule, key: string | null];

/** Checks every limit (so each one counts the attempt); throws RateLimited for the tightest refusal. */
export async function enforceLimits(checks: LimitCheck[]): Promise<void> {
  const results: LimitResult[] = [];
  for (const [rule, key] of checks) {
    // Without a known client IP (no proxy header, tests) all such requests share one bucket.
    results.push(await consume(rule, key ?? "unknown"));
  }
  const refused = results.filter((result) => !result.allowed).sort((a, b) => b.resetSeconds - a.resetSeconds)[0];
  if (refused) throw new RateLimited(refused.resetSeconds, rateLimitHeaders(refused));
}
