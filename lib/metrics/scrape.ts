// What GET /api/metrics answers: the process registry plus gauges read at scrape time
// (job queue depth from the Job table, the database pool's connections).
import "server-only";
import { Gauge } from "prom-client";
import { getDb, getPool } from "../db";
import { processSingleton } from "../runtime";
import { metrics } from "./registry";

const QUEUE_STATES = ["pending", "running", "dead"] as const;

function registerScrapeGauges(): true {
  return processSingleton("metrics-scrape-gauges", () => {
    const { registry } = metrics();
    new Gauge({
      name: "bastion_job_queue_depth",
      help: "Jobs by status (pending, running, dead), read from the Job table at scrape time",
      labelNames: ["status"],
      registers: [registry],
      async collect() {
        const rows = await getDb().job.groupBy({ by: ["status"], _count: { _all: true }, where: { status: { in: [...QUEUE_STATES] } } });
        for (const status of QUEUE_STATES) {
          this.set({ status }, rows.find((row) => row.status === status)?._count._all ?? 0);
        }
      },
    });
    new Gauge({
      name: "bastion_db_pool_connections",
      help: "Database pool connections: total open, idle, and requests waiting for one",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const pool = getPool();
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
    return true;
  });
}

export async function scrape(): Promise<{ contentType: string; body: string }> {
  registerScrapeGauges();
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
