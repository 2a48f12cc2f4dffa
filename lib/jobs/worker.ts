// The background worker loop. It runs as `npm run worker` processes in server mode and
// inside the web process in single-process mode. It claims due jobs, runs up to
// `concurrency` at once, renews their locks while they run, records the outcome, and
// enqueues recurring tasks once per period. Stopping (the signal aborts) lets running
// jobs finish for up to `drainMs`, then aborts the rest and hands them back to the queue
// for another worker; a job cut off by a crash is retried when its lock expires.
import { hostname } from "node:os";
import { getDb } from "../db";
import { logger } from "../logger";
import { metrics } from "../metrics/registry";
import { claimJobs, enqueue, extendLock, markFailed, markSucceeded, releaseJob, type ClaimedJob } from "./queue";
import { recurringTasks, taskNamed } from "./tasks";

export type WorkerOptions = {
  signal: AbortSignal;
  name?: string;
  concurrency?: number;
  pollIntervalMs?: number;
  /** Lock length for tasks that do not set their own. */
  defaultLockMs?: number;
  /** How long a stopping worker waits for running jobs before releasing them. */
  drainMs?: number;
};

/** Waits `ms`, or less if the signal aborts or `wake` is called; leaves no listener behind. */
function pause(ms: number, signal: AbortSignal, wakers: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      wakers.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    wakers.add(done);
  });
}

const PERIOD_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

async function enqueueRecurring(): Promise<void> {
  for (const task of recurringTasks()) {
    const period = PERIOD_MS[task.every!];
    const periodStart = new Date(Math.floor(Date.now() / period) * period).toISOString();
    await enqueue(getDb(), task.name, {}, { uniqueKey: `${task.name}:${periodStart}` });
  }
}

export async function runWorker(options: WorkerOptions): Promise<void> {
  const { signal, concurrency = 4, pollIntervalMs = 1_000, defaultLockMs = 60_000, drainMs = 20_000 } = options;
  const workerId = `${hostname()}:${process.pid}:${options.name ?? "worker"}:${crypto.randomUUID().slice(0, 8)}`;
  const db = getDb();
  await db.$queryRaw`SELECT 1`;
  logger.info({ worker: workerId }, "worker started");

  const running = new Set<Promise<void>>();
  const wakers = new Set<() => void>();
  const released = new Set<string>();
  const jobSignals = new Map<string, AbortController>();
  let lastRecurring = 0;
  let healthy = true;

  const execute = async (job: ClaimedJob): Promise<void> => {
    const task = taskNamed(job.task);
    const lockMs = task?.lockMs ?? defaultLockMs;
    const heartbeat = setInterval(() => void extendLock(db, job.id, workerId, lockMs).catch(() => {}), Math.max(lockMs / 3, 250));
    const jobSignal = new AbortController();
    jobSignals.set(job.id, jobSignal);
    try {
      if (!task) throw new Error(`unknown task "${job.task}"`);
      if (job.attempts > job.maxAttempts) throw new Error("the worker running this job stopped before it finished");
      await task.run(job.payload, { db, jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, signal: jobSignal.signal });
      await markSucceeded(db, job.id, workerId);
    } catch (error) {
      if (released.has(job.id)) return; // handed back to the queue while stopping
      const message = error instanceof Error ? error.message : String(error);
      const outcome = await markFailed(db, job, workerId, message).catch(() => "unrecorded");
      if (outcome === "dead" && task?.onDead) {
        await task.onDead(job.payload, { db, jobId: job.id, error: message }).catch((hookError: Error) =>
          logger.error({ worker: workerId, jobId: job.id, task: job.task, err: hookError.message }, "dead-letter hook failed"),
        );
      }
      metrics().jobFailures.inc({ task: job.task, outcome: String(outcome) });
      logger.warn({ worker: workerId, jobId: job.id, task: job.task, attempt: job.attempts, outcome, err: message }, "job failed");
    } finally {
      clearInterval(heartbeat);
      jobSignals.delete(job.id);
    }
  };

  while (!signal.aborted) {
    try {
      if (Date.now() - lastRecurring > 30_000) {
        await enqueueRecurring();
        lastRecurring = Date.now();
      }
      const free = concurrency - running.size;
      const jobs = free > 0 ? await claimJobs(db, workerId, free, defaultLockMs) : [];
      if (!healthy) logger.info({ worker: workerId }, "worker reconnected to the database");
      healthy = true;
      for (const job of jobs) {
        const work = execute(job).finally(() => {
          running.delete(work);
          for (const wake of wakers) wake();
        });
        running.add(work);
      }
      // Full: wait for a slot. Claimed something: look again at once. Idle: poll.
      if (running.size >= concurrency || jobs.length === 0) await pause(pollIntervalMs, signal, wakers);
    } catch (error) {
      if (healthy) logger.error({ worker: workerId, err: (error as Error).message }, "worker cannot reach the database; retrying");
      healthy = false;
      await pause(pollIntervalMs, signal, wakers);
    }
  }
  const drained = await Promise.race([
    Promise.allSettled(running).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), drainMs).unref()),
  ]);
  if (!drained) {
    // Release first, then abort: the job's own failure path must not count an attempt.
    for (const [jobId, controller] of jobSignals) {
      released.add(jobId);
      await releaseJob(db, jobId, workerId).catch(() => false);
      controller.abort();
    }
    logger.warn({ worker: workerId, released: released.size }, "worker stopped with jobs still running; released them to the queue");
  }
  logger.info({ worker: workerId }, "worker stopped");
}
