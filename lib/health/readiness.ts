// Readiness: can this process serve? The database must answer and be fully migrated,
// or the process is "unavailable". Redis down makes it "degraded": Redis only backs rate
// limits and usage counters, which fall back to in-process limits per process
// (lib/rate-limit/multi-limit.ts), so the process still serves requests that reach it.
// Both answer 503 with the failing components named (the contract of the foundation
// issue); the body's status lets a load balancer that prefers to keep degraded
// instances tell the two apart. Each check has a deadline so a hung dependency makes
// readiness fail rather than hang. A process that is shutting down is "unavailable" at
// once, without checking anything: its pools are about to close.
import { appVersion, mode, type Mode } from "../env";
import { getPool } from "../db";
import { isDraining } from "./draining";
import { readMigrationFiles, type MigrationFile } from "../migrations/files";
import { migrationStatus } from "../migrations/runner";
import type { Redis } from "ioredis";
import type { Pool } from "pg";
import { processLimiter } from "../rate-limit/api-limiter";
import { getRedis } from "../redis";

export type CheckResult = { status: "ok" } | { status: "down"; reason: string } | { status: "not_configured" };

export type Readiness = {
  status: "ready" | "degraded" | "unavailable";
  mode: Mode;
  version: string;
  failing: string[];
  checks: Record<string, CheckResult>;
};

const CHECK_TIMEOUT_MS = 2_000;

let migrationFiles: MigrationFile[] | undefined;

function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer in time`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

export async function checkDatabase(pool: Pool = getPool(), files?: MigrationFile[]): Promise<CheckResult> {
  try {
    const client = await withDeadline(pool.connect(), "database");
    try {
      // Files never change while the process runs; read them once.
      migrationFiles ??= readMigrationFiles();
      const status = await withDeadline(migrationStatus(client, files ?? migrationFiles), "database");
      if (status.pending.length > 0) return { status: "down", reason: `${status.pending.length} migration(s) pending` };
      if (status.modified.length > 0 || status.failed.length > 0) return { status: "down", reason: "migration history does not match" };
      return { status: "ok" };
    } finally {
      client.release();
    }
  } catch (error) {
    return { status: "down", reason: publicReason(error, "unreachable") };
  }
}

export async function checkRedis(redis: Redis | null = getRedis()): Promise<CheckResult> {
  if (!redis) return { status: "not_configured" };
  // A client still making its first connection gets the deadline to finish it;
  // one that lost its connection is reported down at once.
  if (["wait", "connecting", "connect"].includes(redis.status)) {
    await withDeadline(waitUntilReady(redis), "redis").catch(() => {});
  }
  if (redis.status !== "ready") return { status: "down", reason: "unreachable" };
  try {
    await withDeadline(redis.ping(), "redis");
    return { status: "ok" };
  } catch (error) {
    return { status: "down", reason: publicReason(error, "unreachable") };
  }
}

function waitUntilReady(redis: Redis): Promise<void> {
  if (redis.status === "wait") redis.connect().catch(() => {});
  return new Promise((resolve, reject) => {
    redis.once("ready", resolve);
    redis.once("end", () => reject(new Error("redis connection ended")));
  });
}

/** Readiness is public: name the failure, never hosts or credentials. */
function publicReason(error: unknown, fallback: string): string {
  return error instanceof Error && error.message.endsWith("did not answer in time") ? "timeout" : fallback;
}

/** Dependencies can be swapped, so tests can check a broken one without breaking the process's. */
export async function readiness(deps: { pool?: Pool; redis?: Redis | null; limiter?: { fallbackSince: number | null } } = {}): Promise<Readiness> {
  if (isDraining()) {
    return { status: "unavailable", mode: mode(), version: appVersion, failing: ["process"], checks: { process: { status: "down", reason: "shutting down" } } };
  }
  const [database, redis] = await Promise.all([checkDatabase(deps.pool), checkRedis(deps.redis === undefined ? getRedis() : deps.redis)]);
  const checks: Record<string, CheckResult> = { database, redis };
  // This process's limiter (the shared one only: a swapped-in client says nothing about it).
  if (deps.limiter ?? (deps.redis === undefined && getRedis())) {
    const fallbackSince = (deps.limiter ?? processLimiter()).fallbackSince;
    checks.rateLimiter = fallbackSince === null ? { status: "ok" } : { status: "down", reason: "in-process fallback" };
  }
  const failing = Object.entries(checks)
    .filter(([, result]) => result.status === "down")
    .map(([name]) => name);
  const status = failing.length === 0 ? "ready" : failing.includes("database") ? "unavailable" : "degraded";
  return { status, mode: mode(), version: appVersion, failing, checks };
}
