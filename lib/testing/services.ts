// Which real services the tests can reach. Suites that need one are skipped with a
// clear line when it is missing, unless REQUIRE_SERVICES=1 (CI), which fails instead.
// Test-harness settings are read here, not in lib/env.ts: the app never sees them.
import pg from "pg";
import { Redis } from "ioredis";

export type Service = "postgres" | "redis";

export const testServiceUrls = {
  /** A server where the tests may create and drop databases. */
  postgres: process.env.BASTION_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
  redis: process.env.BASTION_TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
};

export const servicesRequired = ["1", "true", "yes"].includes(process.env.REQUIRE_SERVICES ?? "");

export async function postgresReachable(url = testServiceUrls.postgres): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function redisReachable(url = testServiceUrls.redis): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
