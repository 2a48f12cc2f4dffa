// npm run bench:api: throughput of the API pipeline against the framework's ceiling.
// Seeds an org of 1,000 members, starts Bastion in server mode (PostgreSQL + Redis) and
// runs autocannon (32 connections, 20 s each) against:
//   1. GET /api/v1/orgs/<slug>/members?limit=50, the full pipeline, rate limiting on;
//   2. the bare route handler /api/bench/members (BASTION_BENCH=1), the same single query
//      with no authentication, in the same build and process;
//   3. the full pipeline again on a server started with BASTION_RATE_LIMIT=0.
// Interleaved over several rounds (median reported), since one 20-second run on a shared
// 2-core machine swings by half. The server listens on BENCH_API_PORT (default 3891).
// BENCH_API_CALLER=jwt adds, in each round, the full pipeline called with an external IdP's
// JWT (a trusted issuer whose JWKS this process serves on loopback) and reports its
// throughput against the API key's, and how often the server fetched the JWKS (once per
// server start: keys are cached, no network call per request). Prints requests/s, p50/p99 latency and the ratios.
// scripts/start.ts builds only when the build is missing or older than the sources.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import { applyMigrations } from "../lib/migrations/runner";
import { createScratchDatabase } from "../lib/migrations/scratch";
import { seedBenchIssuer, seedBenchOrg } from "./seed";
import { machineClaims, startTestIssuer, type TestIssuer } from "../lib/testing/jwt-issuer";
import { testServiceUrls } from "../lib/testing/services";

const MEMBERS = 1_000;
const CONNECTIONS = 32;
const DURATION_SECONDS = 20;
/** `-- --rounds N` (default 3). */
const ROUNDS = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 3;
/** BENCH_API_PORT: the loopback port of the benchmarked server (parallel runs pick different ones). */
const PORT = Number(process.env.BENCH_API_PORT) || 3891;
const root = path.resolve(import.meta.dirname, "..");

/** `jwt`: also measure an external IdP token as the caller (see the header). */
const CALLER = process.env.BENCH_API_CALLER === "jwt" ? "jwt" : "apiKey";

/** The benchmark authenticates as a program would: with an org API key (or an IdP's JWT). */
const AUTH_HEADER = (apiKey: string): Record<string, string> => ({ authorization: `Bearer ${apiKey}` });

async function startServer(databaseUrl: string, extraEnv: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: testServiceUrls.redis,
      REDIS_KEY_PREFIX: `bastion-bench-${randomBytes(4).toString("hex")}:`,
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
      PORT: String(PORT),
      LOG_LEVEL: "warn",
      BASTION_BENCH: "1",
      // The bench routes expose data; production (NODE_ENV unset) refuses them without this.
      BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA: "1",
      BASTION_WORKER_CONCURRENCY: "1",
      // The trusted issuer's JWKS is served by this process on loopback (BENCH_API_CALLER=jwt).
      BASTION_OUTBOUND_ALLOWLIST: "127.0.0.0/8",
      ...extraEnv,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let attempt = 0; ; attempt++) {
    if ((await fetch(`http://127.0.0.1:${PORT}/api/health/ready`).catch(() => null))?.ok) return child;
    if (child.exitCode !== null) throw new Error("server exited during start");
    if (attempt > 2_400) throw new Error("server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

type Figures = { rps: number; p50: number; p99: number; non2xx: number; errors: number; requests: number };

async function load(url: string, headers: Record<string, string>, duration = DURATION_SECONDS): Promise<Figures> {
  const check = await fetch(url, { headers });
  if (!check.ok) throw new Error(`${url} answered ${check.status}: ${await check.text()}`);
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, requests: result.requests.total };
}

function line(name: string, figures: Figures): string {
  return `${name.padEnd(52)} ${figures.rps.toFixed(0).padStart(7)} req/s  p50 ${String(figures.p50).padStart(4)} ms  p99 ${String(figures.p99).padStart(4)} ms  non-2xx ${figures.non2xx}  errors ${figures.errors}`;
}

/** The run with the median throughput (a noisy neighbour hits one round, not the verdict). */
function median(runs: Figures[]): Figures {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

async function main() {
  const database = await createScratchDatabase(testServiceUrls.postgres, "bastion_bench_api");
  let server: ChildProcess | null = null;
  try {
    await applyMigrations(database.connectionString);
    const { slug, orgId, apiKey: credential } = await seedBenchOrg(database.connectionString, MEMBERS - 1);
    const base = `http://127.0.0.1:${PORT}`;
    const pipelineUrl = `${base}/api/v1/orgs/${slug}/members?limit=50`;
    const bareUrl = `${base}/api/bench/members?orgId=${orgId}`;
    const runs = { pipeline: [] as Figures[], bare: [] as Figures[], noLimit: [] as Figures[], jwt: [] as Figures[] };
    let idp: TestIssuer | null = null;
    let jwtHeader: Record<string, string> = {};
    if (CALLER === "jwt") {
      idp = await startTestIssuer();
      const audience = "https://api.bastion.bench";
      await seedBenchIssuer(database.connectionString, { issuer: idp.issuer, audience, jwksUrl: idp.jwksUrl });
      // Valid for the whole run; signed once, as a client-credentials token is reused until it expires.
      jwtHeader = AUTH_HEADER(await idp.sign({ ...machineClaims(idp, audience), exp: Math.floor(Date.now() / 1000) + 6 * 3600 }));
    }

    // Interleaved rounds, so a change in the machine's load shows in every variant alike.
    for (let round = 1; round <= ROUNDS; round++) {
      server = await startServer(database.connectionString, {});
      await load(pipelineUrl, AUTH_HEADER(credential), 5); // warm-up: JIT, pool, caches
      runs.pipeline.push(await load(pipelineUrl, AUTH_HEADER(credential)));
      if (idp) {
        await load(pipelineUrl, jwtHeader, 5);
        runs.jwt.push(await load(pipelineUrl, jwtHeader));
      }
      await load(bareUrl, {}, 3);
      runs.bare.push(await load(bareUrl, {}));
      await stopServer(server);

      server = await startServer(database.connectionString, { BASTION_RATE_LIMIT: "0" });
      await load(pipelineUrl, AUTH_HEADER(credential), 5);
      runs.noLimit.push(await load(pipelineUrl, AUTH_HEADER(credential)));
      await stopServer(server);
      server = null;
      console.log(`round ${round}/${ROUNDS}: pipeline ${runs.pipeline.at(-1)!.rps.toFixed(0)}, bare ${runs.bare.at(-1)!.rps.toFixed(0)}, no limit ${runs.noLimit.at(-1)!.rps.toFixed(0)} req/s`);
    }
    const [pipeline, bare, noLimit] = [median(runs.pipeline), median(runs.bare), median(runs.noLimit)];

    console.log(`\nAPI throughput, ${MEMBERS} members, first page of 50, ${CONNECTIONS} connections × ${DURATION_SECONDS} s, one server process, median of ${ROUNDS} rounds:`);
    console.log(line("full pipeline (API key), rate limiting on", pipeline));
    console.log(line("full pipeline (API key), BASTION_RATE_LIMIT=0", noLimit));
    console.log(line("bare route handler, same query (ceiling)", bare));
    const overhead = 1 - pipeline.rps / noLimit.rps;
    console.log(`\nrate-limiter overhead: ${(overhead * 100).toFixed(1)}% of throughput (target ≤ 10%)`);
    console.log(`full pipeline / bare handler: ${((pipeline.rps / bare.rps) * 100).toFixed(1)}% (target ≥ 70%)`);
    console.log(`full pipeline p99: ${pipeline.p99} ms (target ≤ 60 ms)`);
    if (idp) {
      const jwt = median(runs.jwt);
      // Measured runs only; each round also sent a 5-second warm-up and a first check with the same token.
      const requests = runs.jwt.reduce((sum, run) => sum + run.requests, 0);
      console.log(line("full pipeline (external IdP JWT), rate limiting on", jwt));
      console.log(`JWT caller / API-key caller: ${((jwt.rps / pipeline.rps) * 100).toFixed(1)}% of throughput`);
      console.log(`JWKS fetches: ${idp.jwksHits()} for more than ${requests} JWT requests over ${ROUNDS} server starts (cached: no fetch per request)`);
      await idp.close();
    }
  } finally {
    if (server) await stopServer(server);
    await database.drop();
  }
}

void main();
