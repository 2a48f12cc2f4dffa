// npm start: validates the environment, announces the mode, builds the app if the
// build is missing or older than the sources, brings up the database (embedded in
// single-process mode), migrates, and serves Next.js. In single-process mode the
// background worker runs in this same process.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { boot, describeMode } from "../lib/boot";
import { appVersion, env, mode } from "../lib/env";
import "../lib/jobs/all-tasks";
import { startDraining } from "../lib/health/draining";
import { runWorker } from "../lib/jobs/worker";
import { logger } from "../lib/logger";
import { buildIdFile, buildIsCurrent } from "./build-state";
import { exitOnStartupFailure } from "./cli";
import { DrainDeadline, HURRIED_DRAIN_MS, drainServer, onShutdownSignal } from "./shutdown";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

/**
 * Builds when there is no build, or a source file is newer than it. With building off
 * (BASTION_BUILD_ON_START=0, as in the container image) the build is taken as it is, and
 * a missing one stops the start: an image must never build when it starts.
 */
function ensureBuild(buildOnStart: boolean): void {
  if (!buildOnStart) {
    if (existsSync(buildIdFile(root))) return;
    console.error("bastion: no build in .next and BASTION_BUILD_ON_START=0; run `npm run build` first");
    process.exit(1);
  }
  if (buildIsCurrent(root)) return;
  console.log("bastion: building the app (first start or sources changed)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("bastion: the build failed; see the output above");
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (error) {
    exitOnStartupFailure(error);
  }
  logger.info({ mode: mode(), version: appVersion }, `Bastion ${appVersion} starting in ${describeMode()}`);

  // Dependencies first: a wrong DATABASE_URL should fail in seconds, not after a build.
  const booted = await boot({ migrate: config.BASTION_MIGRATE_ON_START }).catch(exitOnStartupFailure);
  if (!dev) ensureBuild(config.BASTION_BUILD_ON_START);

  const { default: next } = await import("next");
  const app = next({ dev, dir: root, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    // Route handlers cannot see the socket; pass the peer address on in a header that a
    // client cannot forge (any incoming copy is overwritten).
    req.headers["x-bastion-client-ip"] = req.socket.remoteAddress ?? "";
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `port ${config.PORT} is already in use (set PORT)` : error.message)),
    );
    server.listen(config.PORT, config.HOST, resolve);
  }).catch((error) => {
    console.error(`bastion: ${(error as Error).message}`);
    process.exit(1);
  });
  logger.info(`Bastion is listening on http://localhost:${config.PORT}`);

  const workerStop = new AbortController();
  const worker = mode() === "single-process" ? runWorker({ signal: workerStop.signal, name: "in-process", concurrency: config.BASTION_WORKER_CONCURRENCY }) : Promise.resolve();
  worker.catch((error) => logger.error({ err: (error as Error).message }, "in-process worker failed"));

  // Requests in flight get up to 10 s to finish; a second signal cuts that to 3 s at most.
  const deadline = new DrainDeadline(null);
  onShutdownSignal(
    async (signal) => {
      startDraining(); // readiness answers 503 from now on
      logger.info({ signal }, "stopping");
      deadline.shorten(10_000);
      workerStop.abort();
      // Stop accepting, let requests (and in-process jobs) in flight finish, and only
      // then close the database pool they use.
      await drainServer(server, deadline);
      await Promise.race([worker.catch(() => {}), deadline.reached]);
      deadline.clear();
      await app.close?.();
      await booted.shutdown();
      logger.info("stopped");
    },
    (signal) => logger.warn({ signal, drainLeftMs: deadline.shorten(HURRIED_DRAIN_MS) }, "signal repeated while stopping: the drain is cut short"),
  );
}

void main();
