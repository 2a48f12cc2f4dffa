// A `fetch` with the outbound policy built in, handed to each SDK that accepts a custom
// fetch (Octokit, Slack's WebClient, axios under jira.js) and used by our own requesters
// (GitBeaker, Linear's GraphQL client), so timeout and retries live in one place.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { logger } from "../../logger";
import type { Provider } from "../types";
import { OutboundAddressRefused } from "./address-policy";
import { ProviderError } from "./errors";
import { isRetryableStatus, nextDelayMs, outboundPolicy, type OutboundPolicy } from "./policy";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function policyFetch(provider: Provider, policy: OutboundPolicy = outboundPolicy()): FetchLike {
  return async (input, init) => {
    // One Request up front so every attempt can be a clone with the same body.
    const original = new Request(input, init);
    for (let attempt = 1; ; attempt += 1) {
      const response = await attemptOnce(provider, policy, original);
      if (!isRetryableStatus(response.status)) return response;
      const delay = nextDelayMs(policy, attempt, response.headers);
      if (delay === null) return response;
      await response.body?.cancel();
      logger.warn({ provider, status: response.status, attempt, delayMs: delay, path: new URL(original.url).pathname }, "provider call retried");
      await sleep(delay, original.signal);
    }
  };
}

async function attemptOnce(provider: Provider, policy: OutboundPolicy, original: Request): Promise<Response> {
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  try {
    // Node's fetch takes undici's dispatcher; the DOM RequestInit type does not name it.
    return await fetch(original.clone(), { signal: AbortSignal.any([original.signal, timeout]), dispatcher: policy.dispatcher } as RequestInit);
  } catch (error) {
    const host = new URL(original.url).host;
    if (timeout.aborted) throw new ProviderError(provider, "timeout", `no answer within ${policy.timeoutMs} ms`, null, null, { host, code: "timeout" });
    if (original.signal.aborted) throw error;
    const cause = (error as { cause?: unknown })?.cause;
    if (cause instanceof OutboundAddressRefused) throw new ProviderError(provider, "failed", `refused to call an internal address: ${cause.message}`, null, null, { host, code: "policy" });
    const code = networkReason(error);
    throw new ProviderError(provider, "unavailable", `could not reach the API (${code})`, null, null, { host, code });
  }
}

/** The system error code (ECONNREFUSED, ENOTFOUND, …) under fetch's generic TypeError. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  return typeof cause?.code === "string" ? cause.code : "network error";
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
