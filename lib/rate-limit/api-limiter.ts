// The pipeline's rate-limit step: which limits a caller has (anonymous IP, user, API key
// plus its org) and the RateLimit-* headers every response carries. Refusals are 429
// with Retry-After and the `rate_limited` code. API-key requests are counted as the org's
// usage in the same Redis call.
import "server-only";
import { clientIp } from "../auth/request-meta";
import { assertApiRequestQuota } from "../billing/api-quota";
import { env } from "../env";
import { RateLimited } from "../errors";
import type { Actor } from "../http/authenticate";
import type { RateLimitDecision } from "../http/rate-limit";
import { getRedis } from "../redis";
import { processSingleton } from "../runtime";
import { usageField } from "../usage/pending";
import { rateLimitHeaders, type LimitResult } from "./limiter";
import { MultiLimiter, type LimitCheck } from "./multi-limit";
import { DEFAULT_LIMITS, PLAN_LIMITS, benchAware, orgPlan } from "./plans";

export function processLimiter(): MultiLimiter {
  return processSingleton("rate-limit:multi", () => new MultiLimiter(getRedis()));
}

async function checksFor(request: Request, actor: Actor | null): Promise<LimitCheck[]> {
  if (!actor) return [{ rule: benchAware(DEFAULT_LIMITS.anonymousIp), key: clientIp(request) ?? "unknown" }];
  if (actor.kind === "user") return [{ rule: benchAware(DEFAULT_LIMITS.user), key: actor.userId }];
  const limits = PLAN_LIMITS[await orgPlan(actor.orgId)];
  // An external token is limited like a key, per issuer and subject; a SCIM directory like a key too.
  const caller = actor.kind === "apiKey" ? actor.apiKeyId : actor.kind === "externalToken" ? `jwt:${actor.issuerId}:${actor.subject}` : `scim:${actor.directoryId}`;
  return [
    { rule: benchAware(limits.apiKey), key: caller },
    { rule: benchAware(limits.org), key: actor.orgId },
  ];
}

/** The limit to show: a refusing one (longest wait), else the one closest to running out. */
function binding(results: LimitResult[]): LimitResult {
  if (results.some((result) => !result.allowed)) {
    // The request is refused as a whole; the limits that ran out are the ones to name.
    const spent = results.filter((result) => result.remaining === 0);
    return (spent.length > 0 ? spent : results).reduce((a, b) => (b.resetSeconds > a.resetSeconds ? b : a));
  }
  return results.reduce((a, b) => (b.remaining < a.remaining ? b : a));
}

export function createApiRateLimiter(limiter: () => MultiLimiter = processLimiter) {
  return async function apiRateLimiter(request: Request, actor: Actor | null, own?: LimitCheck[]): Promise<RateLimitDecision> {
    // BASTION_RATE_LIMIT=0: no limit is checked, but API-key usage is still counted.
    const checks = !env().BASTION_RATE_LIMIT ? [] : (own ?? (await checksFor(request, actor)));
    // The monthly plan quota (cached; no query per request), before the request is counted.
    // External tokens are API traffic like keys: same monthly quota, same usage count.
    const apiCaller = actor?.kind === "apiKey" || actor?.kind === "externalToken" ? actor : null;
    if (apiCaller && !own) await assertApiRequestQuota(apiCaller.orgId);
    const results = await limiter().check(checks, apiCaller ? usageField(apiCaller.orgId) : undefined);
    if (results.length === 0) return { headers: {} };
    const shown = binding(results);
    const headers = rateLimitHeaders(shown);
    if (!shown.allowed) throw new RateLimited(shown.resetSeconds, headers);
    return { headers };
  };
}
