// npm run worker: a background worker process for server mode. Any number can run
// side by side. Stops cleanly on SIGTERM.
import { boot, describeMode } from "../lib/boot";
import { env, mode } from "../lib/env";
import "../lib/jobs/all-tasks";
import { runWorker } from "../lib/jobs/worker";
import { logger } from "../lib/logger";
import { exitOnStartupFailure, onShutdownSignal } from "./cli";

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
  onShutdownSignal(async (signal) => {
    logger.info({ signal }, "worker stopping");
    stop.abort();
    await loop;
    await booted.shutdown();
  });
  await loop.catch((error) => {
    logger.error({ err: (error as Error).message }, "worker failed");
    process.exit(1);
  });
}

void main();
