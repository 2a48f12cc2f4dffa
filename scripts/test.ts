// npm test: the whole suite. Vitest (unit and integration, beside the code), then
// Playwright (browser, e2e/) against a production build with a fresh database.
// Suites whose service is missing are skipped with a line saying so, unless
// REQUIRE_SERVICES=1, which fails them instead. Ends with "N passed, N failed, N skipped".
//
//   npm test                          everything
//   npm test -- lib/http              Vitest files matching a filter (no browser tests)
//   npm test -- e2e/health.spec.ts    one browser spec
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createScratchDatabase, type ScratchDatabase } from "../lib/migrations/scratch";
import { postgresReachable, redisReachable, servicesRequired, testServiceUrls } from "../lib/testing/services";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, ".test-results");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Tally = { passed: number; failed: number; skipped: number };

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function runVitest(filters: string[]): Tally {
  const report = path.join(results, "vitest.json");
  const run = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...filters], {
    cwd: root,
    stdio: "inherit",
  });
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (!json) return { passed: 0, failed: 1, skipped: 0 };
  const failed = json.numFailedTests + (run.status !== 0 && json.numFailedTests === 0 ? 1 : 0);
  return { passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests };
}

async function runPlaywright(filters: string[]): Promise<Tally> {
  if (!existsSync(chromium)) {
    const message = `Chromium not found at ${chromium} (apt-get install -y chromium)`;
    if (servicesRequired) {
      console.error(`[e2e] FAILED: ${message}`);
      return { passed: 0, failed: 1, skipped: 0 };
    }
    console.warn(`[e2e] browser suites SKIPPED: ${message}`);
    return { passed: 0, failed: 0, skipped: 1 };
  }

  // Server mode on a fresh database when PostgreSQL is here; single-process mode otherwise.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  let database: ScratchDatabase | null = null;
  if (await postgresReachable()) {
    database = await createScratchDatabase(testServiceUrls.postgres, "bastion_e2e");
    env.E2E_DATABASE_URL = database.connectionString;
    if (await redisReachable()) env.E2E_REDIS_URL = testServiceUrls.redis;
  } else {
    console.warn("[e2e] PostgreSQL not reachable: browser tests run Bastion in single-process mode");
  }

  const report = path.join(results, "e2e.json");
  try {
    const run = spawnSync(bin("playwright"), ["test", ...filters], { cwd: root, stdio: "inherit", env });
    const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
    if (!json) return { passed: 0, failed: 1, skipped: 0 };
    const failed = json.stats.unexpected + json.stats.flaky + (run.status !== 0 && json.stats.unexpected === 0 ? 1 : 0);
    return { passed: json.stats.expected, failed, skipped: json.stats.skipped };
  } finally {
    await database?.drop();
  }
}

async function main(): Promise<void> {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const args = process.argv.slice(2);
  const e2eFilters = args.filter((arg) => arg.startsWith("e2e/") || arg.startsWith("e2e\\"));
  const unitFilters = args.filter((arg) => !e2eFilters.includes(arg));

  const tallies: [string, Tally][] = [];
  if (args.length === 0 || unitFilters.length > 0) tallies.push(["vitest", runVitest(unitFilters)]);
  if (args.length === 0 || e2eFilters.length > 0) tallies.push(["playwright", await runPlaywright(e2eFilters)]);

  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const [name, tally] of tallies) {
    console.log(`${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
    total.passed += tally.passed;
    total.failed += tally.failed;
    total.skipped += tally.skipped;
  }
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 ? 1 : 0);
}

void main();
