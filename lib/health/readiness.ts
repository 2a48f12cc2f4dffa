// Readiness: can this process serve? The database must answer and be fully migrated;
// Redis must answer when configured. Each check has a deadline so a hung dependency
// makes readiness fail rather than hang.
import { appVersion, mode, type Mode } from "../env";
import { getPool } from "../db";
import { readMigrationFiles, type MigrationFile } from "../migrations/files";
import { migrationStatus } from "../migrations/runner";
import { getRedis, redisConfigured } from "../redis";

export type CheckResult = { status: "ok" } | { status: "down"; reason: string } | { status: "not_configured" };

export type Readiness = {
  status: "ready" | "unavailable";
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

export async function checkDatabase(): Promise<CheckResult> {
  try {
    const client = await withDeadline(getPool().connect(), "database");
    try {
      // Files never change while the process runs; read them once.
      migrationFiles ??= readMigrationFiles();
      const status = await withDeadline(migrationStatus(client, migrationFiles), "database");
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

export async function checkRedis(): Promise<CheckResult> {
  if (!redisConfigured()) return { status: "not_configured" };
  const redis = getRedis();
  if (!redis || redis.status !== "ready") return { status: "down", reason: "unreachable" };
  try {
    await withDeadline(redis.ping(), "redis");
    return { status: "ok" };
  } catch (error) {
    return { status: "down", reason: publicReason(error, "unreachable") };
  }
}

/** Readiness is public: name the failure, never hosts or credentials. */
function publicReason(error: unknown, fallback: string): string {
  return error instanceof Error && error.message.endsWith("did not answer in time") ? "timeout" : fallback;
}

export async function readiness(): Promise<Readiness> {
  const [database, redis] = await Promise.all([checkDatabase(), checkRedis()]);
  const checks: Record<string, CheckResult> = { database, redis };
  const failing = Object.entries(checks)
    .filter(([, result]) => result.status === "down")
    .map(([name]) => name);
  return { status: failing.length === 0 ? "ready" : "unavailable", mode: mode(), version: appVersion, failing, checks };
}
