// The outbound policy over real HTTP on loopback: retries on 429 and 5xx honouring
// Retry-After (and giving up past the attempt cap or a too-long wait), a timeout per
// attempt, bodies resent intact, nothing token-shaped in errors or logs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs } from "../../testing/capture-logs";
import { json, startStandInServer, type StandInServer } from "../../testing/provider-stand-ins/http";
import { ProviderError, scrubTokens } from "./errors";
import { policyFetch } from "./fetch";
import { nextDelayMs, outboundPolicy, retryAfterMs, type OutboundPolicy } from "./policy";

const policy: OutboundPolicy = outboundPolicy({ timeoutMs: 2_000, maxAttempts: 3, maxRetryDelayMs: 5_000, baseDelayMs: 50 });
const bodies: string[] = [];
let server: StandInServer;

beforeAll(async () => {
  server = await startStandInServer((request) => {
    if (request.method === "POST") bodies.push(request.body.toString("utf8"));
    return json(200, { ok: true, path: request.path });
  });
});

afterAll(() => server.close());

const hits = (path: string) => server.received.filter((request) => request.path === path).length;

describe("policyFetch", () => {
  it("waits what Retry-After says after a 429, then succeeds", async () => {
    server.inject({ status: 429, retryAfter: 1, path: "/throttled" });
    const started = Date.now();
    const response = await policyFetch("github", policy)(`${server.url}/throttled`);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(hits("/throttled")).toBe(2);
  });

  it("retries a 5xx with backoff and resends the same POST body", async () => {
    server.inject({ status: 502, path: "/flaky" });
    const response = await policyFetch("gitlab", policy)(`${server.url}/flaky`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ n: 1 }) });
    expect(await response.json()).toEqual({ ok: true, path: "/flaky" });
    expect(hits("/flaky")).toBe(2);
    expect(bodies).toEqual(['{"n":1}']);
  });

  it("gives up after maxAttempts and hands back the last answer", async () => {
    server.inject({ status: 503, times: 10, path: "/down" });
    const response = await policyFetch("jira", policy)(`${server.url}/down`);
    expect(response.status).toBe(503);
    expect(hits("/down")).toBe(3);
  });

  it("does not sleep through a Retry-After longer than the cap", async () => {
    server.inject({ status: 429, retryAfter: 120, path: "/long-wait" });
    const started = Date.now();
    const response = await policyFetch("slack", policy)(`${server.url}/long-wait`);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("120");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(hits("/long-wait")).toBe(1);
  });

  it("does not retry other 4xx answers", async () => {
    server.inject({ status: 404, path: "/missing" });
    expect((await policyFetch("linear", policy)(`${server.url}/missing`)).status).toBe(404);
    expect(hits("/missing")).toBe(1);
  });

  it("throws a timeout ProviderError when an attempt outlives the timeout", async () => {
    server.inject({ delayMs: 1_500, path: "/slow" });
    const started = Date.now();
    const failure = await policyFetch("github", { ...policy, timeoutMs: 300 })(`${server.url}/slow`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as ProviderError).kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1_200);
  });

  it("throws an unavailable ProviderError when nothing listens", async () => {
    const closed = await startStandInServer(() => json(200, {}));
    await closed.close();
    const failure = await policyFetch("gitlab", policy)(`${closed.url}/x`).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "ProviderError", kind: "unavailable", transient: true });
    expect((failure as Error).message).toContain("ECONNREFUSED");
  });

  it("logs retries without the Authorization header or query string", async () => {
    const logs = captureLogs();
    server.inject({ status: 500, path: "/logged" });
    await policyFetch("github", policy)(`${server.url}/logged?access_token=ghp_secretvalue0123456789`, { headers: { authorization: "Bearer ghp_secretvalue0123456789" } });
    expect(logs.entries().some((entry) => entry.msg === "provider call retried" && entry.path === "/logged")).toBe(true);
    expect(logs.text()).not.toContain("ghp_secretvalue0123456789");
  });
});

describe("Retry-After and backoff", () => {
  it("reads delta-seconds and HTTP dates", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "7" }))).toBe(7_000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }))).toBeNull();
    expect(retryAfterMs(new Headers())).toBeNull();
  });

  it("backs off exponentially with jitter, within the cap, and stops at the last attempt", () => {
    const delays = Array.from({ length: 50 }, () => nextDelayMs({ ...policy, maxAttempts: 5 }, 3, new Headers()));
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(100);
      expect(delay).toBeLessThanOrEqual(300);
    }
    expect(new Set(delays).size).toBeGreaterThan(1);
    expect(nextDelayMs({ ...policy, baseDelayMs: 10_000 }, 2, new Headers())).toBeLessThanOrEqual(policy.maxRetryDelayMs);
    expect(nextDelayMs(policy, 3, new Headers({ "retry-after": "1" }))).toBeNull();
  });
});

describe("ProviderError messages", () => {
  it("scrub token-shaped text from what a provider answered", () => {
    const message = scrubTokens("token ghp_abcdefghijklmnop0123 and xoxb-1234-5678-abcdefgh and Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig and glpat-abcdefgh12345678");
    expect(message).not.toMatch(/ghp_|xoxb-|eyJ|glpat-/);
    const error = new ProviderError("github", "unauthorized", "401 bad token github_pat_11ABCDEFG0123456789_xyz", 401);
    expect(error.message).toBe("github: 401 bad token [redacted]");
    expect(error.transient).toBe(false);
  });
});
