// The jobs table's own upkeep: finished jobs are kept a week for the console and then
// deleted; dead jobs stay until someone redelivers or dismisses them.
import { defineTask } from "./tasks";

const KEEP_SUCCEEDED_MS = 7 * 24 * 60 * 60 * 1000;

export const pruneFinishedJobs = defineTask({
  name: "jobs.prune",
  every: "day",
  async run(_payload, { db }) {
    await db.job.deleteMany({ where: { status: "succeeded", finishedAt: { lt: new Date(Date.now() - KEEP_SUCCEEDED_MS) } } });
  },
});
