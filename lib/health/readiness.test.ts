import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { readMigrationFiles } from "../migrations/files";
import { checksumOf } from "../migrations/files";
import { describeWith } from "../testing/describe";
import { clearProcessSingleton } from "../runtime";
import { startDraining } from "./draining";
import { checkDatabase, checkRedis, readiness } from "./readiness";

const next = { params: Promise.resolve({}) };

describeWith(["postgres", "redis"], "health endpoints", () => {
  const deadRedis = new Redis("redis://127.0.0.1:1", { lazyConnect: true, retryStrategy: () => null });
  deadRedis.on("error", () => {});
  afterAll(() => deadRedis.disconnect());

  it("GET /api/health answers 200 with mode and version, checking nothing", async () => {
    const response = await health(new Request("http://test/api/health"), next);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", mode: "server", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("GET /api/health/ready answers 200 when the database is migrated and Redis answers", async () => {
    const response = await ready(new Request("http://test/api/health/ready"), next);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ready",
      mode: "server",
      failing: [],
      checks: { database: { status: "ok" }, redis: { status: "ok" } },
    });
  });

  it("names Redis as the failing component when it does not answer", async () => {
    expect(await checkRedis(deadRedis)).toEqual({ status: "down", reason: "unreachable" });
    const result = await readiness({ redis: deadRedis });
    // Degraded, not unavailable: rate limits fall back to in-process limits meanwhile.
    expect(result).toMatchObject({ status: "degraded", failing: ["redis"], checks: { database: { status: "ok" } } });
    expect(await readiness({ redis: deadRedis, limiter: { fallbackSince: Date.now() } })).toMatchObject({
      status: "degraded",
      failing: ["redis", "rateLimiter"],
      checks: { rateLimiter: { status: "down", reason: "in-process fallback" } },
    });
  });

  it("reports the database down when it is unreachable, without revealing where it is", async () => {
    const pool = new pg.Pool({ connectionString: "postgresql://postgres:pw@127.0.0.1:1/nowhere", connectionTimeoutMillis: 500 });
    try {
      const result = await checkDatabase(pool);
      expect(result).toEqual({ status: "down", reason: "unreachable" });
      expect(JSON.stringify(result)).not.toContain("127.0.0.1");
    } finally {
      await pool.end();
    }
  });

  it("reports the database down while a migration is pending", async () => {
    const files = readMigrationFiles();
    const sql = "SELECT 1;";
    const pending = [...files, { name: "29990101000000_future", sql, checksum: checksumOf(sql) }];
    const { getPool } = await import("../db");
    expect(await checkDatabase(getPool(), pending)).toEqual({ status: "down", reason: "1 migration(s) pending" });
  });

  it("answers 503 \"unavailable\" at once while the process shuts down, checking nothing", async () => {
    try {
      startDraining();
      // A database that would hang: readiness must not wait for it.
      const hanging = { connect: () => new Promise(() => {}) } as unknown as pg.Pool;
      const started = Date.now();
      expect(await readiness({ pool: hanging })).toMatchObject({ status: "unavailable", failing: ["process"], checks: { process: { status: "down", reason: "shutting down" } } });
      expect(Date.now() - started).toBeLessThan(500);
      const response = await ready(new Request("http://test/api/health/ready"), next);
      expect(response.status).toBe(503);
    } finally {
      clearProcessSingleton("draining");
    }
    expect((await ready(new Request("http://test/api/health/ready"), next)).status).toBe(200);
  });
});
