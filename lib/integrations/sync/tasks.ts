// Background tasks of integration syncs.
// No "server-only" marker: lib/jobs/all-tasks.ts loads this into the worker.
import { defineTask } from "../../jobs/tasks";
import { logger } from "../../logger";
import { enqueueDailySyncs } from "./daily";
import { SYNC_TASK, type SyncPayload } from "./enqueue";
import { syncConnection } from "./sync";

export const syncTask = defineTask<SyncPayload>({
  name: SYNC_TASK,
  maxAttempts: 3,
  lockMs: 5 * 60 * 1000,
  async run({ connectionId }, { jobId }) {
    const outcome = await syncConnection(connectionId);
    logger.info({ jobId, connectionId, ...outcome }, "integration sync");
    // A refusal (bad credentials) waits for an admin; only a transient failure is worth a retry.
    if (outcome.status === "failed" && outcome.transient) throw new Error(outcome.error);
  },
});

export const syncAllTask = defineTask({
  name: "integrations.sync-all",
  every: "day",
  async run(_payload, { db, jobId }) {
    const enqueued = await enqueueDailySyncs(db);
    logger.info({ jobId, enqueued }, "integration daily syncs enqueued");
  },
});
