// How hard one outbound provider call tries: a timeout per attempt, a few retries on
// 429 and 5xx, waiting what Retry-After says. A wait longer than the cap is not slept
// through: the call gives up with rate_limited and its job retries later with backoff,
// so a worker slot is never held for a minute by one provider's throttle.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import type { Dispatcher } from "undici";
import { env } from "../../env";
import { environmentDispatcher } from "./guarded-dispatcher";

export type OutboundPolicy = {
  /** Per attempt; INTEGRATIONS_HTTP_TIMEOUT_MS. */
  timeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Longest single wait between attempts; a longer Retry-After gives up instead. */
  maxRetryDelayMs: number;
  /** First backoff when the provider names no wait; doubled per attempt, with jitter. */
  baseDelayMs: number;
  /** Opens the connections: checks every address against the outbound address policy. */
  dispatcher: Dispatcher;
};

export function outboundPolicy(overrides: Partial<OutboundPolicy> = {}): OutboundPolicy {
  return { timeoutMs: env().INTEGRATIONS_HTTP_TIMEOUT_MS, maxAttempts: 3, maxRetryDelayMs: 10_000, baseDelayMs: 500, dispatcher: overrides.dispatcher ?? environmentDispatcher(), ...overrides };
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const value = headers.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before attempt `attempt + 1`, or null to give up now. */
export function nextDelayMs(policy: OutboundPolicy, attempt: number, headers: Headers): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const asked = retryAfterMs(headers);
  if (asked !== null) return asked <= policy.maxRetryDelayMs ? asked : null;
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxRetryDelayMs, Math.round(backoff * (0.5 + Math.random())));
}
