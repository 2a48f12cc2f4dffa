// npm start: validates the environment, announces the mode, builds the app if the
// build is missing or older than the sources, brings up the database (embedded in
// single-process mode), migrates, and serves Next.js. In single-process mode the
// background worker runs in this same process.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { boot, describeMode } from "../lib/boot";
import { appVersion, env, mode } from "../lib/env";
import "../lib/jobs/all-tasks";
import { runWorker } from "../lib/jobs/worker";
import { logger } from "../lib/logger";
import { exitOnStartupFailure, onShutdownSignal } from "./cli";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds when there is no build, or a source file is newer than it. With building off
 * (BASTION_BUILD_ON_START=0, as in the container image) the build is taken as it is, and
 * a missing one stops the start: an image must never build when it starts.
 */
function ensureBuild(buildOnStart: boolean): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!buildOnStart) {
    if (existsSync(buildId)) return;
    console.error("bastion: no build in .next and BASTION_BUILD_ON_START=0; run `npm run build` first");
    process.exit(1);
  }
  if (existsSync(buildId)) {
    const builtAt = statSync(buildId).mtimeMs;
    const inputs = ["app", "components", "lib", "public"].map((dir) => path.join(root, dir)).filter(existsSync);
    const files = ["next.config.mjs", "proxy.ts", "package-lock.json", "prisma/schema.prisma"].map((file) => path.join(root, file)).filter(existsSync);
    const newest = Math.max(...inputs.map(newestSourceChange), ...files.map((file) => statSync(file).mtimeMs));
    if (newest <= builtAt) return;
  }
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

  onShutdownSignal(async (signal) => {
    logger.info({ signal }, "stopping");
    workerStop.abort();
    // Stop accepting, let requests in flight finish (up to 10 s), and only then close the
    // database pool they use.
    await new Promise<void>((resolve) => {
      const deadline = setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, 10_000);
      server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
    await worker.catch(() => {});
    await app.close?.();
    await booted.shutdown();
    logger.info("stopped");
  });
}

void main();
