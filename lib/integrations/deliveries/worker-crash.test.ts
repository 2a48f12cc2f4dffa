// A worker killed mid-job does not lose the job, and the job completes exactly once:
// `npm run worker` (scripts/worker.ts, as package.json runs it) processes a delivery on
// this file's own database; the test holds the delivery's event slot in an open
// transaction, so the worker blocks inside its processing transaction, and SIGKILLs it
// there. Its lock runs out, a second worker takes the job over, and the end state is one
// org event and one Slack message at the stand-in.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { describeWith, testRedisUrl } from "../../testing/describe";
import { standInCredentials } from "../../testing/provider-stand-ins";
import { githubExample, githubHeaders } from "../../testing/signed-webhooks";
import { startIsolated, until, type Isolated } from "./test-scratch";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const SECRET = "crash-test-webhook-secret";
let isolated: Isolated;
let admin: pg.Client;
const children = new Set<ChildProcess>();

type Worker = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

function startWorkerProcess(): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", path.join(root, "scripts", "worker.ts")], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      DATABASE_URL: isolated.database.connectionString,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: inject("redisKeyPrefix"),
      AUTH_SECRET: "x".repeat(32),
      BASTION_MASTER_KEYS: process.env.BASTION_MASTER_KEYS,
      ...isolated.standIns.env,
    },
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, output: () => output, exited };
}

beforeAll(async () => {
  isolated = await startIsolated("bastion_worker_crash");
  admin = new pg.Client({ connectionString: isolated.database.connectionString });
  await admin.connect();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await admin?.end();
  await isolated?.stop();
});

describeWith(["postgres", "redis"], "a worker killed mid-job", () => {
  it("loses nothing: after a restart the job completes exactly once (one event, one Slack message)", { timeout: 120_000 }, async () => {
    const db = (await import("../../db")).getDb();
    const { orgWithMembers } = await import("../../testing/fixtures");
    const { createTestConnection } = await import("../../testing/integration-fixtures");
    const { postWebhook } = await import("../webhooks/test-webhooks");

    const { org } = await orgWithMembers();
    const github = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: SECRET });
    const slack = await createTestConnection(org.id, "slack", { ACCESS_TOKEN: standInCredentials.slack.botToken });
    await db.notificationRule.create({ data: { orgId: org.id, name: "PRs", source: "github", eventTypes: ["pull_request.opened"], slackConnectionId: slack.id, channelId: "C0DEPLOYS", channelName: "#deploys" } });
    const body = JSON.stringify(githubExample("pull_request", "opened"));
    expect((await postWebhook("github", github.id, body, githubHeaders(body, SECRET, { event: "pull_request", deliveryId: "crash-1" }))).status).toBe(202);
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { connectionId_deliveryId: { connectionId: github.id, deliveryId: "crash-1" } } });

    // Hold the delivery's event slot (OrgEvent.deliveryId is unique) in an open transaction.
    const blocker = new pg.Client({ connectionString: isolated.database.connectionString });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`INSERT INTO "OrgEvent" (id, "orgId", source, type, summary, "deliveryId") VALUES ('blocker', $1, 'github', 'blocker', 'blocker', $2)`, [org.id, delivery.id]);

    const first = startWorkerProcess();
    const waitingOnLock = async () =>
      (await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%OrgEvent%'`)).rows[0].n > 0;
    await until(waitingOnLock, "the first worker blocks inside its processing transaction", 60_000);
    const claimed = await db.job.findUniqueOrThrow({ where: { id: delivery.jobId! } });
    expect(claimed).toMatchObject({ status: "running", attempts: 1 });
    expect(claimed.lockedBy).toContain(`:${first.child.pid}:`);
    // A job is claimed with the worker's default lock (60 s); its first heartbeat shortens it
    // to the task's 15 s. Kill after that, as a job that has been running for a while.
    await until(async () => (await db.job.findUniqueOrThrow({ where: { id: claimed.id } })).lockedUntil! < claimed.lockedUntil!, "the running job's lock is renewed", 30_000);
    const renewed = await db.job.findUniqueOrThrow({ where: { id: claimed.id } });
    expect(renewed.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(15_000);

    first.child.kill("SIGKILL");
    expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
    await blocker.query("ROLLBACK");
    await blocker.end();
    // Nothing of the killed worker's transaction remains; the job still looks taken until its lock runs out.
    await until(async () => !(await waitingOnLock()), "the killed worker's database session is gone");
    expect(await db.orgEvent.count({ where: { deliveryId: delivery.id } })).toBe(0);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "processing", attempts: 1 });
    const orphaned = await db.job.findUniqueOrThrow({ where: { id: delivery.jobId! } });
    expect(orphaned).toMatchObject({ status: "running", lockedBy: claimed.lockedBy });
    expect(orphaned.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    const second = startWorkerProcess();
    const posted = () => isolated.standIns.state.slackMessages.filter((message) => message.channel === "C0DEPLOYS" && message.text.includes("opened pull request #2"));
    // The lock lasts 15 s after the last heartbeat; then the second worker takes the job over.
    await until(async () => posted().length > 0, "the second worker finishes the job and its notification", 45_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(posted()).toHaveLength(1);
    expect(await db.orgEvent.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "processed", attempts: 2, lastError: null });
    const job = await db.job.findUniqueOrThrow({ where: { id: delivery.jobId! } });
    expect(job).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(job.lockedBy).toBeNull();
    expect(await db.job.findMany({ where: { task: "integrations.notify" }, select: { status: true, attempts: true } })).toEqual([{ status: "succeeded", attempts: 1 }]);

    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
    expect(second.output()).toContain('"msg":"worker stopped"');
  });
});
