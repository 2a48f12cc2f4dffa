// npm run test:scale: scale-out proven, not claimed. PostgreSQL, Redis, two web processes
// behind nginx (round-robin, loopback ports 4000-4002) and two workers, all from one
// build (`npm start`'s: built once by the first web process if missing or stale). Checks,
// through nginx only: sessions, sign-out and member removal across processes, a rate
// limit shared by both, 1,000 webhook deliveries processed exactly once while a web
// process and a worker are SIGKILLed and restarted, and a graceful SIGTERM under load.
// Stops by itself; kills what it started on any failure. Last line: "scale: N passed, N failed".
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { AUTH_LIMITS } from "../lib/auth/limits";
import { applyMigrations } from "../lib/migrations/runner";
import { createScratchDatabase } from "../lib/migrations/scratch";
import { githubExample } from "../lib/testing/signed-webhooks";
import { testServiceUrls } from "../lib/testing/services";
import { checkGracefulStop } from "./scale/graceful";
import { spawnScript, startNginx, stop, waitReady } from "./scale/processes";
import { seedScale } from "./scale/seed";
import { checkRateLimit, checkSessions } from "./scale/sessions";
import { Tally } from "./scale/tally";
import { checkWebhooks, outcome, signedPush, waitForQueue } from "./scale/webhooks";

const NGINX_PORT = 4000;
const WEB_PORTS = [4001, 4002] as const;
const DELIVERIES = 1_000;
const IN_FLIGHT = 40;
const DEADLINE_MS = 40 * 60_000; // includes a first build

const tally = new Tally();
const started = Date.now();
const deadline = setTimeout(() => {
  tally.fail("deadline", new Error(`not done after ${DEADLINE_MS / 60_000} minutes`));
  console.log(tally.line());
  process.exit(1);
}, DEADLINE_MS);

async function main(): Promise<void> {
  const database = await createScratchDatabase(testServiceUrls.postgres, "bastion_scale");
  const db = new pg.Client({ connectionString: database.connectionString });
  const env: Record<string, string> = {
    DATABASE_URL: database.connectionString,
    REDIS_URL: testServiceUrls.redis,
    REDIS_KEY_PREFIX: `bastion-scale-${randomBytes(4).toString("hex")}:`,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    BASTION_MASTER_KEYS: `v1:${randomBytes(32).toString("base64")}`,
    APP_URL: `http://127.0.0.1:${NGINX_PORT}`,
    TRUST_PROXY: "1",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    BASTION_MIGRATE_ON_START: "0",
  };
  const web: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  let nginx: { stop(): void } | null = null;
  try {
    await applyMigrations(database.connectionString);
    await db.connect();
    const seeded = await seedScale(env);
    const signed = signedPush(githubExample("push"), seeded.webhookSecret);
    const path = `/api/webhooks/github/${seeded.connectionId}`;

    const startWeb = async (index: 0 | 1) => {
      web[index] = spawnScript(`web-${index + 1}`, "scripts/start.ts", { ...env, PORT: String(WEB_PORTS[index]) });
      await waitReady(WEB_PORTS[index], web[index]!);
    };
    const startWorker = (index: number) => (workers[index] = spawnScript(`worker-${index + 1}`, "scripts/worker.ts", env));
    await startWeb(0); // builds first when the build is missing or stale
    await startWeb(1);
    startWorker(0);
    startWorker(1);
    nginx = startNginx({ port: NGINX_PORT, webA: WEB_PORTS[0], webB: WEB_PORTS[1] });
    await waitReady(NGINX_PORT, web[0]!);
    console.log(`scale: two web processes, two workers and nginx up after ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const ctx = { port: NGINX_PORT, origin: env.APP_URL!, tally };
    await checkSessions(ctx, seeded.people).catch((error) => tally.fail("sessions across processes", error));
    await checkRateLimit(ctx, AUTH_LIMITS.signInPerIp.points).catch((error) => tally.fail("shared rate limit", error));

    const disrupt = async () => {
      web[1]!.kill("SIGKILL");
      workers[0]!.kill("SIGKILL");
      console.log("scale: SIGKILLed web-2 and worker-1 mid-run; restarting them");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      startWorker(0);
      await startWeb(1);
    };
    await checkWebhooks({ port: NGINX_PORT, tally, db, path, signed, disrupt }, DELIVERIES).catch((error) => tally.fail("webhooks under process kills", error));

    await checkGracefulStop({ tally, nginxPort: NGINX_PORT, webPort: WEB_PORTS[0], web: web[0]!, path, signed }, IN_FLIGHT).catch((error) => tally.fail("graceful stop", error));
    const drained = await waitForQueue(db, 2 * 60_000);
    const drainedOutcome = await outcome(db, "drain-");
    tally.check("deliveries answered during the stop are processed once", drained && drainedOutcome.processed === IN_FLIGHT && drainedOutcome.events === IN_FLIGHT, `${drainedOutcome.processed} of ${IN_FLIGHT} processed, ${drainedOutcome.events} events`);
  } catch (error) {
    tally.fail("setup", error);
  } finally {
    nginx?.stop();
    await Promise.all([...web, ...workers].map((child) => stop(child)));
    await db.end().catch(() => {});
    await database.drop().catch(() => {});
  }
  console.log(`scale: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(tally.line());
  clearTimeout(deadline);
  process.exit(tally.failed > 0 ? 1 : 0);
}

void main();
