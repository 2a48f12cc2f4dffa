// Moves pending usage counts into PostgreSQL (ApiUsage, one row per org and day, and
// ApiUsageHour, per org and hour, which metering reads), so
// usage survives the loss of Redis. The Redis hash is claimed with an atomic RENAME to a
// name only this flusher knows: increments arriving meanwhile go to a fresh hash, and two
// flushers (several workers) never read the same counts, so nothing is counted twice.
// If PostgreSQL refuses, the counts are handed back for the next run.
// No "server-only" marker: the worker script (outside Next.js) runs this as a job.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Db } from "../db";
import { getRedis } from "../redis";
import { PENDING_USAGE_KEY, giveBackMemoryUsage, parseUsageField, takeMemoryUsage } from "./pending";

async function claimRedisUsage(redis: Redis): Promise<{ name: string; counts: Record<string, string> } | null> {
  const name = `usage:flushing:${randomUUID()}`;
  try {
    await redis.rename(PENDING_USAGE_KEY, name);
  } catch (error) {
    if (String((error as Error).message).includes("no such key")) return null;
    throw error;
  }
  return { name, counts: await redis.hgetall(name) };
}

async function save(db: Db, counts: Map<string, number>): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const [field, count] of counts) {
      const parsed = parseUsageField(field);
      if (!parsed || count <= 0) continue;
      // An org deleted meanwhile has nowhere to keep its usage: skipped, not an error.
      await tx.$executeRaw`
        INSERT INTO "ApiUsage" ("orgId", "day", "count")
        SELECT ${parsed.orgId}, ${parsed.day}::date, ${count}
        WHERE EXISTS (SELECT 1 FROM "Organization" WHERE id = ${parsed.orgId})
        ON CONFLICT ("orgId", "day") DO UPDATE SET "count" = "ApiUsage"."count" + EXCLUDED."count"`;
      if (!parsed.hour) continue;
      await tx.$executeRaw`
        INSERT INTO "ApiUsageHour" ("orgId", "hour", "count")
        SELECT ${parsed.orgId}, ${parsed.hour}, ${count}
        WHERE EXISTS (SELECT 1 FROM "Organization" WHERE id = ${parsed.orgId})
        ON CONFLICT ("orgId", "hour") DO UPDATE SET "count" = "ApiUsageHour"."count" + EXCLUDED."count"`;
    }
  });
}

/** Returns how many requests were moved to PostgreSQL. */
export async function flushUsage(db: Db, redis: Redis | null = getRedis()): Promise<number> {
  const counts = takeMemoryUsage();
  const inMemory = new Map(counts);
  let claimed: Awaited<ReturnType<typeof claimRedisUsage>> = null;
  try {
    // Redis down: this run saves the in-process counts only; Redis's wait for the next run.
    claimed = redis ? await claimRedisUsage(redis).catch(() => null) : null;
    for (const [field, value] of Object.entries(claimed?.counts ?? {})) counts.set(field, (counts.get(field) ?? 0) + Number(value));
    await save(db, counts);
  } catch (error) {
    giveBackMemoryUsage(inMemory);
    if (claimed && redis) {
      const back = redis.multi();
      for (const [field, value] of Object.entries(claimed.counts)) back.hincrby(PENDING_USAGE_KEY, field, Number(value));
      await back.del(claimed.name).exec().catch(() => {});
    }
    throw error;
  }
  if (claimed && redis) await redis.del(claimed.name).catch(() => {});
  return [...counts.values()].reduce((sum, value) => sum + value, 0);
}
