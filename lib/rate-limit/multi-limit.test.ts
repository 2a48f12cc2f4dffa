import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { captureLogs } from "../testing/capture-logs";
import { describeWith } from "../testing/describe";
import { uniqueSuffix } from "../testing/fixtures";
import { PrivateRedis, commandCalls } from "../testing/redis-server";
import { PENDING_USAGE_KEY, takeMemoryUsage } from "../usage/pending";
import { MultiLimiter } from "./multi-limit";

const client = (url: string) => {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 500, retryStrategy: (attempt) => Math.min(attempt * 50, 200) });
  redis.on("error", () => {});
  return redis;
};
const ready = (redis: Redis) => (redis.status === "ready" ? Promise.resolve() : new Promise<void>((resolve) => redis.once("ready", () => resolve())));

describeWith(["redis"], "multi-limit rate limiter", () => {
  let server: PrivateRedis;
  let redis: Redis;
  let admin: Redis;
  beforeAll(async () => {
    server = await PrivateRedis.start();
    redis = client(server.url);
    admin = client(server.url);
    await Promise.all([ready(redis), ready(admin)]);
  });
  afterAll(async () => {
    redis.disconnect();
    admin.disconnect();
    await server.stop();
  });

  it("checks an API key's two limits and counts usage in exactly one Redis round trip per request", async () => {
    const limiter = new MultiLimiter(redis);
    const id = uniqueSuffix();
    const checks = [
      { rule: { name: "t-key", points: 1000, durationSeconds: 60 }, key: `k-${id}` },
      { rule: { name: "t-org", points: 1000, durationSeconds: 60 }, key: `o-${id}` },
    ];
    await limiter.check(checks, `org-${id}|2026-01-01`); // loads the script (EVALSHA miss, then EVAL)
    const before = await commandCalls(admin);
    const requests = 40;
    for (let i = 0; i < requests; i++) expect((await limiter.check(checks, `org-${id}|2026-01-01`)).every((result) => result.allowed)).toBe(true);
    const after = await commandCalls(admin);
    const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    // INFO itself is the only other command sent meanwhile; the script's inner commands
    // (GET, INCR, PTTL, HINCRBY) run inside Redis and are not round trips.
    expect(delta("evalsha")).toBe(requests);
    expect(delta("eval")).toBe(0);
    const roundTrips = Object.keys(after).filter((name) => !["info", "get", "incr", "pttl", "pexpire", "hincrby"].includes(name)).reduce((sum, name) => sum + delta(name), 0);
    expect(roundTrips).toBe(requests);
    expect(await admin.hget(PENDING_USAGE_KEY, `org-${id}|2026-01-01`)).toBe(String(requests + 1));
  });

  it("refuses when any limit is spent, spends nothing on a refusal, and reports remaining and reset", async () => {
    const limiter = new MultiLimiter(redis);
    const id = uniqueSuffix();
    const tight = { rule: { name: "t-tight", points: 2, durationSeconds: 30 }, key: id };
    const loose = { rule: { name: "t-loose", points: 100, durationSeconds: 60 }, key: id };
    const first = await limiter.check([tight, loose], `u-${id}|2026-01-01`);
    expect(first.map((result) => [result.allowed, result.remaining])).toEqual([[true, 1], [true, 99]]);
    await limiter.check([tight, loose], `u-${id}|2026-01-01`);
    const refused = await limiter.check([tight, loose], `u-${id}|2026-01-01`);
    expect(refused.map((result) => [result.allowed, result.remaining])).toEqual([[false, 0], [false, 98]]);
    expect(refused[0]!.resetSeconds).toBeGreaterThan(0);
    expect(refused[0]!.resetSeconds).toBeLessThanOrEqual(30);
    expect(await admin.get(`rl:t-loose:${id}`)).toBe("2");
    expect(await admin.hget(PENDING_USAGE_KEY, `u-${id}|2026-01-01`)).toBe("2");
  });

  it("falls back to in-process limits when Redis is unreachable, logs it once, and still refuses over the limit", async () => {
    const logs = captureLogs();
    const dead = client("redis://127.0.0.1:1");
    try {
      const limiter = new MultiLimiter(dead);
      const check = { rule: { name: "t-dead", points: 3, durationSeconds: 60 }, key: uniqueSuffix() };
      const results = [];
      for (let i = 0; i < 5; i++) results.push((await limiter.check([check], "org-dead|2026-01-01"))[0]!.allowed);
      expect(results).toEqual([true, true, true, false, false]);
      expect(limiter.fallbackSince).not.toBeNull();
      expect(logs.entries().filter((entry) => String(entry.msg).includes("Redis unavailable"))).toHaveLength(1);
      // Usage counted meanwhile is kept in this process for the flush job.
      expect(takeMemoryUsage().get("org-dead|2026-01-01")).toBe(3);
    } finally {
      dead.disconnect();
    }
  });

  it("resumes Redis-backed limits when Redis comes back, without a restart, handing over usage counted meanwhile", async () => {
    const own = client(server.url);
    await ready(own);
    const limiter = new MultiLimiter(own);
    const id = uniqueSuffix();
    const check = { rule: { name: "t-restart", points: 100, durationSeconds: 60 }, key: id };
    await limiter.check([check]);
    await server.stop();
    const during = await limiter.check([check], `org-${id}|2026-01-02`);
    expect(during[0]!.allowed).toBe(true);
    expect(limiter.fallbackSince).not.toBeNull();
    await server.resume();
    await ready(own);
    await ready(admin);
    const after = await limiter.check([check], `org-${id}|2026-01-02`);
    expect(after[0]!.allowed).toBe(true);
    expect(limiter.fallbackSince).toBeNull();
    // Counted in the restarted Redis (its data was lost with the process).
    expect(await admin.get(`rl:t-restart:${id}`)).toBe("1");
    expect(await admin.hget(PENDING_USAGE_KEY, `org-${id}|2026-01-02`)).toBe("2");
    own.disconnect();
  });
});
