// Step 2 of the pipeline: rate limiting, before any org or permission work. The limiter
// (lib/rate-limit/api-limiter.ts: Redis in server mode, in-process otherwise, limits in
// lib/rate-limit/plans.ts) returns the RateLimit-* headers every response carries, and
// throws RateLimited (429) when a limit is exhausted.
import { createApiRateLimiter } from "../rate-limit/api-limiter";
import type { LimitCheck } from "../rate-limit/multi-limit";
import type { Actor } from "./authenticate";

export type RateLimitDecision = { headers: Record<string, string> };

/** `own`: a route's own limits (webhooks: per connection), checked instead of the caller's. */
export type RateLimiter = (request: Request, actor: Actor | null, own?: LimitCheck[]) => Promise<RateLimitDecision>;

let limiter: RateLimiter = createApiRateLimiter();

export function registerRateLimiter(next: RateLimiter): void {
  limiter = next;
}

export function rateLimit(request: Request, actor: Actor | null, own?: LimitCheck[]): Promise<RateLimitDecision> {
  return limiter(request, actor, own);
}
