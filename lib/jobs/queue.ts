// Enqueueing and state transitions of durable jobs. Enqueue inside the transaction that
// creates the row a job is about, so both exist or neither does.
import type { Db, Tx } from "../db";
import { Prisma } from "../generated/prisma/client";

export type EnqueueOptions = { runAt?: Date; maxAttempts?: number; uniqueKey?: string };

/** Adds a job; with a uniqueKey that already exists, adds nothing and returns null. */
export async function enqueue(db: Db | Tx, task: string, payload: Prisma.InputJsonValue = {}, options: EnqueueOptions = {}): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Job" (id, task, payload, "runAt", "maxAttempts", "uniqueKey", "updatedAt")
    VALUES (${`job_${crypto.randomUUID()}`}, ${task}, ${JSON.stringify(payload)}::jsonb, ${options.runAt ?? new Date()},
            ${options.maxAttempts ?? 8}, ${options.uniqueKey ?? null}, now())
    ON CONFLICT ("uniqueKey") DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

export type ClaimedJob = { id: string; task: string; payload: Prisma.JsonValue; attempts: number; maxAttempts: number };

/**
 * Claims up to `limit` due jobs for `workerId`: pending ones whose time has come, and
 * running ones whose lock expired (their worker died). SKIP LOCKED lets many workers
 * claim concurrently without waiting on each other or taking the same job.
 */
export function claimJobs(db: Db, workerId: string, limit: number, lockMs: number): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job"
    SET status = 'running', "lockedBy" = ${workerId}, "lockedUntil" = now() + ${lockMs} * interval '1 millisecond',
        attempts = attempts + 1, "updatedAt" = now()
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE (status = 'pending' AND "runAt" <= now()) OR (status = 'running' AND "lockedUntil" < now())
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, task, payload, attempts, "maxAttempts"`;
}

/** Renews a running job's lock; false if another worker has taken it over. */
export async function extendLock(db: Db, jobId: string, workerId: string, lockMs: number): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Job" SET "lockedUntil" = now() + ${lockMs} * interval '1 millisecond'
    WHERE id = ${jobId} AND "lockedBy" = ${workerId} AND status = 'running'`;
  return count === 1;
}

export async function markSucceeded(db: Db, jobId: string, workerId: string): Promise<void> {
  await db.job.updateMany({
    where: { id: jobId, lockedBy: workerId, status: "running" },
    data: { status: "succeeded", finishedAt: new Date(), lockedBy: null, lockedUntil: null, lastError: null },
  });
}

/** Hands a job this worker will not finish back to the queue, as if never attempted. */
export async function releaseJob(db: Db, jobId: string, workerId: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Job" SET status = 'pending', "lockedBy" = NULL, "lockedUntil" = NULL, attempts = greatest(attempts - 1, 0), "updatedAt" = now()
    WHERE id = ${jobId} AND "lockedBy" = ${workerId} AND status = 'running'`;
  return count === 1;
}

/** Exponential backoff with jitter: ~5 s, 10 s, 20 s … capped at an hour, each ±50 %. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 60 * 60 * 1000);
  return Math.round(base * (0.5 + Math.random()));
}

/** Records a failure: retried later, or dead-lettered once its attempts are used up. */
export async function markFailed(db: Db, job: ClaimedJob, workerId: string, error: string): Promise<"retry" | "dead"> {
  const dead = job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId, status: "running" },
    data: dead
      ? { status: "dead", finishedAt: new Date(), lockedBy: null, lockedUntil: null, lastError: error.slice(0, 2000) }
      : { status: "pending", runAt: new Date(Date.now() + retryDelayMs(job.attempts)), lockedBy: null, lockedUntil: null, lastError: error.slice(0, 2000) },
  });
  return dead ? "dead" : "retry";
}

/** Puts a dead (or finished) job back in the queue for another full set of attempts. */
export async function redeliver(db: Db | Tx, jobId: string): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: jobId, status: { in: ["dead", "succeeded"] } },
    data: { status: "pending", runAt: new Date(), attempts: 0, lastError: null, finishedAt: null },
  });
  return count === 1;
}
