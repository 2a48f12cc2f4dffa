// npm run bench:members: server time of the members console with 10,000 members.
// Seeds a fresh database, starts Bastion in server mode, signs in as the owner, and times
// the members page (server-rendered first page of 50) and the members API, beside the
// health endpoint of the same server as the framework's floor. Prints p50/p95 and ratios.
import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { applyMigrations } from "../lib/migrations/runner";
import { createScratchDatabase } from "../lib/migrations/scratch";
import { seedBenchOrg } from "./seed";
import { testServiceUrls } from "../lib/testing/services";

const MEMBERS = 10_000;
const ROUNDS = 40;
const PORT = 3790;
const root = path.resolve(import.meta.dirname, "..");

async function seed(url: string): Promise<{ slug: string; cookie: string }> {
  const { slug, sessionToken } = await seedBenchOrg(url, MEMBERS);
  return { slug, cookie: `bastion.session=${sessionToken}` };
}

async function time(url: string, cookie: string): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b).slice(5); // the first rounds warm caches up
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function main() {
  const database = await createScratchDatabase(testServiceUrls.postgres, "bastion_bench");
  const server = { child: null as ReturnType<typeof spawn> | null };
  try {
    await applyMigrations(database.connectionString);
    const { slug, cookie } = await seed(database.connectionString);
    server.child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.connectionString, BASTION_ALLOW_NO_REDIS: "1", REDIS_URL: "", AUTH_SECRET: "bench-secret-0123456789abcdef0123456789", PORT: String(PORT), LOG_LEVEL: "warn" },
      stdio: "inherit",
    });
    const base = `http://127.0.0.1:${PORT}`;
    for (let attempt = 0; ; attempt++) {
      if ((await fetch(`${base}/api/health/ready`).catch(() => null))?.ok) break;
      if (attempt > 600) throw new Error("server did not start");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const results = {
      "GET /api/health (floor)": await time(`${base}/api/health`, cookie),
      "GET /orgs/bench/members (page, first 50 of 10,001)": await time(`${base}/orgs/${slug}/members`, cookie),
      "GET /api/v1/orgs/bench/members?limit=50": await time(`${base}/api/v1/orgs/${slug}/members?limit=50`, cookie),
      "GET /api/v1/orgs/bench/members?query=member99 (search)": await time(`${base}/api/v1/orgs/${slug}/members?query=member99`, cookie),
    };
    const floor = percentile(results["GET /api/health (floor)"], 50);
    console.log(`\nmembers console with ${MEMBERS + 1} members, ${ROUNDS - 5} timed requests each (ms, server round trip on loopback):`);
    for (const [name, samples] of Object.entries(results)) {
      const p50 = percentile(samples, 50);
      console.log(`${name.padEnd(58)} p50 ${p50.toFixed(1).padStart(6)}  p95 ${percentile(samples, 95).toFixed(1).padStart(6)}  ${(p50 / floor).toFixed(1)}× floor`);
    }
  } finally {
    server.child?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await database.drop();
  }
}

void main();
