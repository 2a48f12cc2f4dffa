// Step 2 of the pipeline: rate limiting, before any database work. The API-platform
// issue fills in the limiter (Redis in server mode, in-process otherwise); the step
// returns the RateLimit-* headers every response carries.
import type { Actor } from "./authenticate";

export type RateLimitDecision = { headers: Record<string, string> };

export type RateLimiter = (request: Request, actor: Actor | null) => Promise<RateLimitDecision>;

let limiter: RateLimiter = async () => ({ headers: {} });

export function registerRateLimiter(next: RateLimiter): void {
  limiter = next;
}

export function rateLimit(request: Request, actor: Actor | null): Promise<RateLimitDecision> {
  return limiter(request, actor);
}
