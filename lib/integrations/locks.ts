// Locks of one connection's work across every worker process: one sync at a time, one
// token refresh at a time.
// Server mode: a PostgreSQL session advisory lock held on a dedicated connection, not a
// pooled one. PostgreSQL releases it by itself when the holder's connection dies (a
// killed worker never leaves a stale lock, and there is no TTL to outlive), and the
// pool stays free for the sync's own queries. Single-process mode: one process runs
// every job, so an in-process set is exact, and PGlite gets no second connection.
// No "server-only" marker: the worker (plain Node) runs syncs.
import { createHash } from "node:crypto";
import pg from "pg";
import { databaseUrl } from "../db";
import { mode } from "../env";
import { logger } from "../logger";
import { processSingleton } from "../runtime";

export type Release = () => Promise<void>;

/** A 64-bit advisory lock key for a name (SHA-256 based, so distinct names practically never collide). */
export function advisoryKey(name: string): string {
  const digest = createHash("sha256").update(name).digest();
  return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
}

/** The dedicated connection a session advisory lock lives on. */
async function lockConnection(name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: "bastion-lock", connectionTimeoutMillis: 10_000 });
  // A lost connection releases the lock on the server; the holder learns it only by this.
  client.on("error", (error) => logger.warn({ lock: name, err: error.message }, "lock connection lost"));
  await client.connect();
  return client;
}

export async function tryAdvisoryLock(name: string): Promise<Release | null> {
  const client = await lockConnection(name);
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [advisoryKey(name)]);
    if (rows[0]?.locked) {
      // Closing the session releases the lock as well; unlocking first says so explicitly.
      return async () => {
        await client.query("SELECT pg_advisory_unlock($1::bigint)", [advisoryKey(name)]).catch(() => {});
        await client.end().catch(() => {});
      };
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  await client.end().catch(() => {});
  return null;
}

export async function tryInProcessLock(name: string): Promise<Release | null> {
  const held = processSingleton("integration-sync-locks", () => new Set<string>());
  if (held.has(name)) return null;
  held.add(name);
  return async () => {
    held.delete(name);
  };
}

/** Takes the named lock if nobody holds it; null when somebody does. */
export function tryLock(name: string): Promise<Release | null> {
  return mode() === "server" ? tryAdvisoryLock(name) : tryInProcessLock(name);
}

/**
 * Runs `work` holding the named lock, waiting (at most `waitMs`) while another process
 * holds it. Server mode: a session advisory lock on a dedicated connection, as above;
 * single-process mode: one process runs everything, so `work` just runs (callers keep
 * their own in-process de-duplication).
 */
export async function withLock<T>(name: string, work: () => Promise<T>, waitMs = 20_000): Promise<T> {
  if (mode() !== "server") return work();
  const client = await lockConnection(name);
  try {
    await client.query(`SET lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
    await client.query("SELECT pg_advisory_lock($1::bigint)", [advisoryKey(name)]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [advisoryKey(name)]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
