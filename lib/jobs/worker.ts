// The background worker loop. It runs as `npm run worker` processes in server mode and
// inside the web process in single-process mode. It holds a database connection,
// checks it on every tick, and stops promptly when its signal is aborted.
import { getDb } from "../db";
import { logger } from "../logger";

export type WorkerOptions = { signal: AbortSignal; pollIntervalMs?: number; name?: string };

/** Waits `ms`, or less if the signal aborts; leaves no listener behind either way. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export async function runWorker({ signal, pollIntervalMs = 1_000, name = "worker" }: WorkerOptions): Promise<void> {
  const db = getDb();
  await db.$queryRaw`SELECT 1`;
  logger.info({ worker: name }, "worker started");
  let healthy = true;
  while (!signal.aborted) {
    try {
      await db.$queryRaw`SELECT 1`;
      if (!healthy) logger.info({ worker: name }, "worker reconnected to the database");
      healthy = true;
    } catch (error) {
      if (healthy) logger.error({ worker: name, err: (error as Error).message }, "worker lost the database; retrying");
      healthy = false;
    }
    await sleep(pollIntervalMs, signal);
  }
  logger.info({ worker: name }, "worker stopped");
}
