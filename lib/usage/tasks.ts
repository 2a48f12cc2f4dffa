// Every minute, pending usage counts (Redis, or this process's memory) go to PostgreSQL.
import { defineTask } from "../jobs/tasks";
import { flushUsage } from "./flush";

export const flushUsageTask = defineTask({
  name: "usage.flush",
  every: "minute",
  async run(_payload, { db }) {
    await flushUsage(db);
  },
});
