// npm run bench:webhooks: webhook ingestion under load against the framework's ceiling.
// Seeds an org with a GitHub connection (webhook secret stored through the secrets
// module), starts Bastion in server mode (PostgreSQL + Redis, BASTION_BENCH=1) and one
// `npm run worker` process, then runs autocannon (32 connections, 20 s each) against:
//   1. POST /api/webhooks/github/<connectionId>: signed `push` deliveries (the real
//      @octokit/webhooks-examples payload), each with its own X-GitHub-Delivery (the
//      signature covers the body only, so one signature serves every request);
//   2. POST /api/bench/webhooks, the bare route handler in the same build, inserting the
//      raw body into bench_webhook_raw (created here with plain SQL, not in the schema).
// Prints accepted deliveries/s, p50/p99 time to 202, rows stored vs distinct deliveries
// sent, the workers' drain time and the ratio to the bare handler.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { setPriority } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { applyMigrations } from "../lib/migrations/runner";
import { createScratchDatabase } from "../lib/migrations/scratch";
import { githubExample } from "../lib/testing/signed-webhooks";
import { testServiceUrls } from "../lib/testing/services";
import { seedBenchOrg } from "./seed";

const CONNECTIONS = 32;
const DURATION_SECONDS = 20;
const WARM_UP_SECONDS = 5;
const DRAIN_TIMEOUT_MS = 10 * 60_000;
const PORT = 3792;
const TASK = "integrations.process-delivery";
/**
 * The worker runs at a lower CPU priority than the server: on this one machine it would
 * otherwise take its share of the cores from the ingestion it is measured beside, which a
 * deployment avoids by giving workers their own. It still processes during the load; the
 * drain time says how far it fell behind.
 */
const WORKER_NICE = 10;
const root = path.resolve(import.meta.dirname, "..");
const SECRET = randomBytes(32).toString("base64url");

type Child = { name: string; process: ChildProcess };

function spawnScript(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", script], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
}

async function waitReady(child: ChildProcess): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if ((await fetch(`http://127.0.0.1:${PORT}/api/health/ready`).catch(() => null))?.ok) return;
    if (child.exitCode !== null) throw new Error("server exited during start");
    if (attempt > 2_400) throw new Error("server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stop({ process: child }: Child): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

type Figures = { sent: number; accepted: number; perSecond: number; p50: number; p99: number; non2xx: number; errors: number };

/** Posts the body with a delivery id `<prefix>-<n>` per request, unique across all connections. */
async function load(url: string, body: string, headers: Record<string, string>, prefix: string, duration: number): Promise<Figures> {
  let next = 0;
  let accepted = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: "POST",
        body,
        headers,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-github-delivery": `${prefix}-${next++}` } }),
        onResponse: (status) => {
          if (status === 202) accepted += 1;
        },
      },
    ],
  });
  return { sent: next, accepted, perSecond: accepted / duration, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function queueDepth(client: pg.Client): Promise<number> {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Job" WHERE task = $1 AND status IN ('pending', 'running')`, [TASK]);
  return rows[0].n as number;
}

async function waitForDrain(client: pg.Client): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < DRAIN_TIMEOUT_MS) {
    if ((await queueDepth(client)) === 0) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return null;
}

function line(name: string, figures: Figures): string {
  return `${name.padEnd(46)} ${figures.perSecond.toFixed(0).padStart(6)} accepted/s  p50 ${String(figures.p50).padStart(4)} ms  p99 ${String(figures.p99).padStart(4)} ms  non-2xx ${figures.non2xx}  errors ${figures.errors}`;
}

async function main() {
  const database = await createScratchDatabase(testServiceUrls.postgres, "bastion_bench_webhooks");
  const children: Child[] = [];
  const client = new pg.Client({ connectionString: database.connectionString });
  try {
    await applyMigrations(database.connectionString);
    await client.connect();
    await client.query(`CREATE TABLE bench_webhook_raw (id bigserial PRIMARY KEY, delivery_id text, body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
    const { orgId } = await seedBenchOrg(database.connectionString, 0);

    const env = {
      DATABASE_URL: database.connectionString,
      REDIS_URL: testServiceUrls.redis,
      REDIS_KEY_PREFIX: `bastion-bench-${randomBytes(4).toString("hex")}:`,
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
      BASTION_MASTER_KEYS: `v1:${randomBytes(32).toString("base64")}`,
      PORT: String(PORT),
      LOG_LEVEL: "warn",
      BASTION_BENCH: "1",
      // The bench routes expose data; production (NODE_ENV unset) refuses them without this.
      BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA: "1",
    };
    // This process writes the connection through the app's own modules, with the same settings.
    Object.assign(process.env, env);
    const { createTestConnection } = await import("../lib/testing/integration-fixtures");
    const { taskNamed } = await import("../lib/jobs/tasks");
    await import("../lib/jobs/all-tasks");
    const processorExists = taskNamed(TASK) !== undefined;
    const connection = await createTestConnection(orgId, "github", { WEBHOOK_SECRET: SECRET }, { name: "bench/github" });
    const { disconnectDb } = await import("../lib/db");
    await disconnectDb();

    const server = { name: "server", process: spawnScript("scripts/start.ts", env) };
    children.push(server);
    await waitReady(server.process);
    const worker = { name: "worker", process: spawnScript("scripts/worker.ts", env) };
    children.push(worker);
    if (worker.process.pid) setPriority(worker.process.pid, WORKER_NICE);

    const body = JSON.stringify(githubExample("push"));
    const headers = {
      "content-type": "application/json",
      "x-github-event": "push",
      "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
      "user-agent": "GitHub-Hookshot/bench",
    };
    const webhookUrl = `http://127.0.0.1:${PORT}/api/webhooks/github/${connection.id}`;
    const bareUrl = `http://127.0.0.1:${PORT}/api/bench/webhooks`;
    const probe = await fetch(webhookUrl, { method: "POST", body, headers: { ...headers, "x-github-delivery": "probe" } });
    if (probe.status !== 202) throw new Error(`${webhookUrl} answered ${probe.status}: ${await probe.text()}`);

    await load(webhookUrl, body, headers, "warm", WARM_UP_SECONDS); // JIT, pools, caches
    await load(bareUrl, body, headers, "warm", WARM_UP_SECONDS);
    if (processorExists) await waitForDrain(client); // the measured runs start with an empty queue

    const bare = await load(bareUrl, body, headers, "bare", DURATION_SECONDS);
    // The web process alone: the worker paused (its jobs wait), to tell the ingestion
    // path's own cost from the worker's share of the same two cores.
    worker.process.kill("SIGSTOP");
    const alone = await load(webhookUrl, body, headers, "alone", DURATION_SECONDS);
    worker.process.kill("SIGCONT");
    if (processorExists) await waitForDrain(client);
    const ingest = await load(webhookUrl, body, headers, "run", DURATION_SECONDS);
    const drainMs = processorExists ? await waitForDrain(client) : null;
    const backlog = await queueDepth(client);
    const { rows } = await client.query(`SELECT count(*)::int AS rows, count(DISTINCT "deliveryId")::int AS ids FROM "WebhookDelivery" WHERE "deliveryId" LIKE 'run-%'`);
    const stored = rows[0] as { rows: number; ids: number };

    console.log(`\nWebhook ingestion, signed GitHub push (${body.length} bytes), ${CONNECTIONS} connections × ${DURATION_SECONDS} s, one server process + one worker (nice ${WORKER_NICE}):`);
    console.log(line("POST /api/webhooks/github/<id> (full path)", ingest));
    console.log(line("  same, worker paused (web process alone)", alone));
    console.log(line("POST /api/bench/webhooks (bare insert, ceiling)", bare));
    console.log(`\nrows stored ${stored.rows} (distinct ids ${stored.ids}) vs distinct deliveries sent ${ingest.sent}, answered 202: ${ingest.accepted}`);
    console.log(`lost: ${Math.max(0, ingest.accepted - stored.ids)} acknowledged but not stored; doubled: ${stored.rows - stored.ids}; sent without a 202 (in flight at the end, refused): ${ingest.sent - ingest.accepted}`);
    console.log(
      drainMs === null
        ? `drain: not measured (${processorExists ? `queue not empty after ${DRAIN_TIMEOUT_MS / 1000} s` : `no "${TASK}" task registered in lib/jobs/all-tasks.ts`}); ${backlog} jobs pending`
        : `drain: the worker emptied the queue ${(drainMs / 1000).toFixed(1)} s after the load ended`,
    );
    console.log(`ingestion / bare handler: ${((ingest.perSecond / bare.perSecond) * 100).toFixed(1)}% with the worker processing (target ≥ 70%), ${((alone.perSecond / bare.perSecond) * 100).toFixed(1)}% with it paused`);
    console.log(`p99 time to 202: ${ingest.p99} ms (target ≤ 100 ms)`);
  } finally {
    for (const child of children.reverse()) await stop(child);
    await client.end().catch(() => {});
    await database.drop();
  }
}

void main();
