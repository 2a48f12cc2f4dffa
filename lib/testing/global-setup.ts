// Vitest global setup: finds the services, gives this run its own fresh, migrated
// database and its own Redis key prefix, and removes both afterwards.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { Redis } from "ioredis";
import { applyMigrations } from "../migrations/runner";
import { createScratchDatabase } from "../migrations/scratch";
import { startMailbox } from "./mailbox";
import { postgresReachable, redisReachable, servicesRequired, testServiceUrls, type Service } from "./services";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
    postgresAdminUrl: string | null;
    redisUrl: string | null;
    redisKeyPrefix: string;
    /** SMTP server every test process sends to, and its HTTP view (see lib/testing/mail.ts). */
    smtpUrl: string;
    mailboxUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = `${Date.now()}_${randomBytes(3).toString("hex")}`;
  const reachable: Record<Service, boolean> = {
    postgres: await postgresReachable(),
    redis: await redisReachable(),
  };
  const missing = (Object.keys(reachable) as Service[]).filter((service) => !reachable[service]);
  if (missing.length > 0) {
    const where = missing.map((service) => `${service} at ${testServiceUrls[service]}`).join(", ");
    if (servicesRequired) throw new Error(`REQUIRE_SERVICES=1 but not reachable: ${where}`);
    console.warn(`[services] not reachable: ${where}; suites that need them are SKIPPED (REQUIRE_SERVICES=1 fails instead)`);
  }

  const database = reachable.postgres ? await createScratchDatabase(testServiceUrls.postgres, "bastion_test") : null;
  if (database) await applyMigrations(database.connectionString);

  const mailbox = await startMailbox({ httpPort: 0 });
  project.provide("smtpUrl", mailbox.smtpUrl);
  project.provide("mailboxUrl", mailbox.httpUrl!);

  const redisKeyPrefix = `bastion:test:${runId}:`;
  project.provide("databaseUrl", database?.connectionString ?? null);
  project.provide("postgresAdminUrl", reachable.postgres ? testServiceUrls.postgres : null);
  project.provide("redisUrl", reachable.redis ? testServiceUrls.redis : null);
  project.provide("redisKeyPrefix", redisKeyPrefix);

  return async () => {
    await mailbox.close();
    await database?.drop();
    if (reachable.redis) await deleteKeys(redisKeyPrefix);
  };
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(testServiceUrls.redis);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
