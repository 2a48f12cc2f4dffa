import { Redis } from "ioredis";
import { afterEach, expect, it, vi } from "vitest";
import { describeWith } from "../testing/describe";
import { uniqueSuffix } from "../testing/fixtures";
import { consume, rateLimitHeaders, reset } from "./limiter";

describeWith(["redis"], "rate limiter (Redis in server mode)", () => {
  it("allows the configured points per window, then refuses with the time to wait", async () => {
    const rule = { name: `test-${uniqueSuffix()}`, points: 3, durationSeconds: 60 };
    const results = [];
    for (let attempt = 0; attempt < 4; attempt++) results.push(await consume(rule, "ip:1.2.3.4"));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.resetSeconds).toBeGreaterThan(0);
    expect(rateLimitHeaders(results[3]!)).toMatchObject({ "ratelimit-limit": "3", "ratelimit-remaining": "0", "retry-after": expect.any(String) });
    // Another key has its own allowance.
    expect((await consume(rule, "ip:5.6.7.8")).allowed).toBe(true);
    await reset(rule, "ip:1.2.3.4");
    expect((await consume(rule, "ip:1.2.3.4")).allowed).toBe(true);
  });

  it("keeps its counters in Redis, shared by every process", async () => {
    const rule = { name: `shared-${uniqueSuffix()}`, points: 5, durationSeconds: 60 };
    await consume(rule, "user:42");
    const { getRedis } = await import("../redis");
    const redis = getRedis() as Redis;
    const keys = await redis.keys(`${redis.options.keyPrefix}rl:${rule.name}*`);
    expect(keys).toHaveLength(1);
  });
});

describeWith(["redis"], "rate limiter switched off (BASTION_RATE_LIMIT=0)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("allows every request and touches no store", async () => {
    vi.resetModules();
    vi.stubEnv("BASTION_RATE_LIMIT", "0");
    const limiter = await import("./limiter");
    const rule = { name: `test-off-${uniqueSuffix()}`, points: 1, durationSeconds: 60 };
    const results = [];
    for (let attempt = 0; attempt < 3; attempt++) results.push(await limiter.consume(rule, "ip:1.2.3.4"));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true]);
    const { getRedis } = await import("../redis");
    const redis = getRedis() as Redis;
    expect(await redis.keys(`${redis.options.keyPrefix}rl:${rule.name}*`)).toEqual([]);
    // The same rule with limiting on does keep a counter there (the check above can fail).
    vi.unstubAllEnvs();
    vi.resetModules();
    await (await import("./limiter")).consume(rule, "ip:1.2.3.4");
    expect(await redis.keys(`${redis.options.keyPrefix}rl:${rule.name}*`)).toHaveLength(1);
  });
});
