// npm run worker: a background worker process for server mode. Any number can run
// side by side. Stops cleanly on SIGTERM: running jobs finish or are handed back; a second signal cuts that short.
import { boot, describeMode } from "../lib/boot";
import { env, mode } from "../lib/env";
import "../lib/jobs/all-tasks";
import { runWorker } from "../lib/jobs/worker";
import { logger } from "../lib/logger";
import { exitOnStartupFailure } from "./cli";
import { DrainDeadline, HURRIED_DRAIN_MS, onShutdownSignal } from "./shutdown";

async function main(): Promise<void> {
  try {
    env();
  } catch (error) {
    exitOnStartupFailure(error);
  }
  if (mode() === "single-process") {
    console.error(
      "bastion: single-process mode runs its worker inside `npm start`; set DATABASE_URL (and REDIS_URL) to run separate workers",
    );
    process.exit(2);
  }
  logger.info(`Bastion worker starting in ${describeMode()}`);
  const booted = await boot({ migrate: false }).catch(exitOnStartupFailure);

  const stop = new AbortController();
  const loop = runWorker({ signal: stop.signal, concurrency: env().BASTION_WORKER_CONCURRENCY });
  // Running jobs get up to 20 s (runWorker's drain), then go back to the queue; a second
  // signal gives them 3 s more (a job cut off is retried once its lock expires).
  const deadline = new DrainDeadline(null);
  onShutdownSignal(
    async (signal) => {
      logger.info({ signal }, "worker stopping");
      stop.abort();
      await Promise.race([loop, deadline.reached]);
      deadline.clear();
      await booted.shutdown();
    },
    (signal) => logger.warn({ signal, drainLeftMs: deadline.shorten(HURRIED_DRAIN_MS) }, "signal repeated while stopping: running jobs get little more time"),
  );
  await loop.catch((error) => {
    logger.error({ err: (error as Error).message }, "worker failed");
    process.exit(1);
  });
}

void main();
