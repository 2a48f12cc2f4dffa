import { Redis } from "ioredis";
import { afterEach, expect, it, vi } from "vitest";
import { GET as readyRoute } from "@/app/api/health/ready/route";
import { GET as membersRoute } from "@/app/api/v1/orgs/[slug]/members/route";
import { GET as auditRoute } from "@/app/api/v1/orgs/[slug]/audit/route";
import { registerRateLimiter } from "../http/rate-limit";
import { getDb } from "../db";
import { getRedis } from "../redis";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";
import { createApiRateLimiter } from "./api-limiter";
import { MultiLimiter } from "./multi-limit";
import { PLAN_LIMITS } from "./plans";

const RATE_HEADERS = ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"];
const headersOf = (response: { headers: Headers }) => Object.fromEntries(RATE_HEADERS.map((name) => [name, response.headers.get(name)]));

describeWith(["postgres", "redis"], "rate limiting in the pipeline", () => {
  afterEach(() => registerRateLimiter(createApiRateLimiter()));

  it("sends RateLimit-* headers on successes and on errors, per API key", async () => {
    const { org, owner } = await orgWithMembers();
    const key = await createTestApiKey(org.id, owner.user.id, ["members:read"]);
    const params = { slug: org.slug };
    const headers = { authorization: key.authorization };
    const ok = await call(membersRoute, "GET", `/api/v1/orgs/${org.slug}/members`, { params, headers });
    expect(ok.status).toBe(200);
    expect(headersOf(ok)).toEqual({ "ratelimit-limit": String(PLAN_LIMITS.free.apiKey.points), "ratelimit-remaining": String(PLAN_LIMITS.free.apiKey.points - 1), "ratelimit-reset": expect.stringMatching(/^\d+$/) });
    const forbidden = await call(auditRoute, "GET", `/api/v1/orgs/${org.slug}/audit`, { params, headers });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("ratelimit-remaining")).toBe(String(PLAN_LIMITS.free.apiKey.points - 2));
    const anonymous = await call(membersRoute, "GET", `/api/v1/orgs/${org.slug}/members`, { params, headers: { "x-bastion-client-ip": "203.0.113.9" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("ratelimit-limit")).toBe(String(PLAN_LIMITS.free.anonymousIp.points));
    const session = await call(membersRoute, "GET", `/api/v1/orgs/${org.slug}/members`, { params, cookie: owner.cookie });
    expect(session.headers.get("ratelimit-limit")).toBe(String(PLAN_LIMITS.free.user.points));
  });

  it("answers 429 rate_limited with Retry-After once the key's (or its org's) allowance is spent", async () => {
    const { org, owner } = await orgWithMembers();
    const key = await createTestApiKey(org.id, owner.user.id, ["members:read"]);
    const other = await createTestApiKey(org.id, owner.user.id, ["members:read"]);
    const list = (authorization: string) => call(membersRoute, "GET", `/api/v1/orgs/${org.slug}/members`, { params: { slug: org.slug }, headers: { authorization } });
    expect((await list(key.authorization)).status).toBe(200);
    // Spend the key's allowance as its earlier requests would have.
    await getRedis()!.set(`rl:${PLAN_LIMITS.free.apiKey.name}:${key.row.id}`, PLAN_LIMITS.free.apiKey.points, "EX", 60);
    const limited = await list(key.authorization);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    // Another key of the same org still works, until the org's allowance is spent too.
    expect((await list(other.authorization)).status).toBe(200);
    await getRedis()!.set(`rl:${PLAN_LIMITS.free.org.name}:${org.id}`, PLAN_LIMITS.free.org.points, "EX", 60);
    const orgLimited = await list(other.authorization);
    expect(orgLimited.status).toBe(429);
    expect(orgLimited.headers.get("ratelimit-limit")).toBe(String(PLAN_LIMITS.free.org.points));
  });

  it("never answers 5xx when Redis is unreachable: in-process limits apply and readiness says degraded", async () => {
    const dead = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 1_000 });
    dead.on("error", () => {});
    const limiter = new MultiLimiter(dead);
    registerRateLimiter(createApiRateLimiter(() => limiter));
    try {
      const { org, owner } = await orgWithMembers();
      const key = await createTestApiKey(org.id, owner.user.id, ["members:read"]);
      for (let i = 0; i < 5; i++) {
        const response = await call(membersRoute, "GET", `/api/v1/orgs/${org.slug}/members`, { params: { slug: org.slug }, headers: { authorization: key.authorization } });
        expect(response.status).toBe(200);
        expect(response.headers.get("ratelimit-remaining")).toBe(String(PLAN_LIMITS.free.apiKey.points - 1 - i));
      }
      expect(limiter.fallbackSince).not.toBeNull();
      const { readiness } = await import("../health/readiness");
      const state = await readiness({ redis: dead, limiter });
      expect(state).toMatchObject({ status: "degraded", failing: ["redis", "rateLimiter"] });
      // The shared limiter still uses the live test Redis: the route answers ready.
      const ready = await readyRoute(new Request("http://test/api/health/ready"), { params: Promise.resolve({}) });
      expect(ready.status).toBe(200);
    } finally {
      dead.disconnect();
    }
  });
});

describeWith(["postgres", "redis"], "rate limiting switched off (BASTION_RATE_LIMIT=0)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("checks no limit and sends no RateLimit-* headers, but still counts the key's usage in Redis", async () => {
    vi.resetModules();
    vi.stubEnv("BASTION_RATE_LIMIT", "0");
    const { createApiRateLimiter: createSwitchedOff } = await import("./api-limiter");
    const { PENDING_USAGE_KEY, usageField } = await import("../usage/pending");
    const { org, owner } = await orgWithMembers();
    const key = await createTestApiKey(org.id, owner.user.id, ["members:read"]);
    const actor = { kind: "apiKey" as const, apiKeyId: key.row.id, orgId: org.id, userId: owner.user.id, scopes: ["members:read"] };
    // A spent allowance does not matter while limiting is off.
    await getRedis()!.set(`rl:${PLAN_LIMITS.free.apiKey.name}:${key.row.id}`, PLAN_LIMITS.free.apiKey.points, "EX", 60);
    const limiter = createSwitchedOff();
    for (let i = 0; i < 3; i++) expect(await limiter(new Request("http://localhost/api/v1/x"), actor)).toEqual({ headers: {} });
    // Pending in Redis, or already flushed to PostgreSQL by another suite's worker.
    const pending = Number((await getRedis()!.hget(PENDING_USAGE_KEY, usageField(org.id))) ?? 0);
    const flushed = (await getDb().apiUsage.aggregate({ where: { orgId: org.id }, _sum: { count: true } }))._sum.count ?? 0;
    expect(pending + flushed).toBe(3);
  });
});
