// Brings a process's dependencies up in the order both modes share: (embedded)
// PostgreSQL, migrations, Redis. Used by the web server, the worker and db:migrate.
import pg from "pg";
import { dataDir, env, mode } from "./env";
import { disconnectDb } from "./db";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { logger } from "./logger";
import { MigrationError, applyMigrations, migrationStatus } from "./migrations/runner";
import { disconnectRedis, redisReady } from "./redis";
import { runtimeState } from "./runtime";

/** A reason the process cannot start, printed as one line without a stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

/** host:port/database, never the credentials. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

export function describeMode(): string {
  const { DATABASE_URL, REDIS_URL } = env();
  if (mode() === "single-process") {
    return `single-process mode: embedded PostgreSQL, data in ${dataDir()}; rate limits, locks and caches in-process`;
  }
  const redis = REDIS_URL ? `Redis at ${describeDatabaseUrl(REDIS_URL).replace(/\/$/, "")}` : "no Redis (BASTION_ALLOW_NO_REDIS=1): limits in-process";
  return `server mode: PostgreSQL at ${describeDatabaseUrl(DATABASE_URL!)}, ${redis}`;
}

function connectionReason(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { code?: string };
  switch (err.code) {
    case "ENOTFOUND":
      return "host not found";
    case "ECONNREFUSED":
      return "connection refused (is PostgreSQL running?)";
    case "28P01":
    case "28000":
      return "authentication failed";
    case "3D000":
      return "database does not exist";
    default:
      return err.message?.split("\n")[0] ?? "unknown error";
  }
}

async function startDatabase(): Promise<string> {
  if (mode() === "server") return env().DATABASE_URL!;
  const state = runtimeState();
  if (!state.embeddedPostgres) {
    try {
      state.embeddedPostgres = await startEmbeddedPostgres(dataDir());
    } catch (error) {
      throw new StartupError(`cannot start the embedded database in ${dataDir()}: ${(error as Error).message}`);
    }
  }
  return state.embeddedPostgres.connectionString;
}

async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = mode() === "server" ? describeDatabaseUrl(url) : "the embedded database";
    throw new StartupError(`cannot connect to PostgreSQL at ${where}: ${connectionReason(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function migrate(url: string, apply: boolean): Promise<void> {
  try {
    if (apply) {
      const applied = await applyMigrations(url);
      if (applied.length > 0) logger.info({ applied }, `applied ${applied.length} migration(s)`);
      return;
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const status = await migrationStatus(client);
      if (status.pending.length > 0) logger.warn({ pending: status.pending }, "migrations are pending; run npm run db:migrate");
    } finally {
      await client.end();
    }
  } catch (error) {
    if (error instanceof MigrationError) throw new StartupError(error.message);
    throw error;
  }
}

export type Booted = { shutdown(): Promise<void> };

export async function boot(options: { migrate: boolean }): Promise<Booted> {
  const url = await startDatabase();
  await assertDatabaseReachable(url);
  await migrate(url, options.migrate);
  // The data step of the migration that moved SSO client secrets into system secrets.
  // Imported here: its module is server-only, and plain scripts (keys:rotate) boot without the stub.
  if (options.migrate) await import("./sso/client-secret").then(({ moveLegacySsoClientSecrets }) => moveLegacySsoClientSecrets()).catch((error: unknown) => logger.error({ err: (error as Error).message }, "moving legacy SSO client secrets failed; retried at the next start"));
  // Likewise for plain TOTP secrets saved before they were encrypted at rest.
  if (options.migrate) await import("./auth/mfa/totp-secret").then(({ encryptLegacyTotpSecrets }) => encryptLegacyTotpSecrets()).catch((error: unknown) => logger.error({ err: (error as Error).message }, "encrypting legacy TOTP secrets failed; retried at the next start"));
  if (!(await redisReady(3_000))) {
    logger.warn("Redis is not reachable yet; readiness reports it until it is");
  }
  return {
    async shutdown() {
      await disconnectDb();
      await disconnectRedis();
      await runtimeState().embeddedPostgres?.stop();
      runtimeState().embeddedPostgres = undefined;
    },
  };
}
