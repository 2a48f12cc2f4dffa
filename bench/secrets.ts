// npm run bench:secrets: (1) the encryption layer's encrypt+decrypt throughput (AES-256-GCM
// with AAD, key per org) beside plain node:crypto AES-256-GCM on the same machine, one
// core; (2) reveal latency through the API (local KMS, warm data-key cache) at 16
// concurrent connections, beside the health endpoint of the same server as its floor.
// Needs a production build (`npm run build`) and PostgreSQL at the test URL.
import { spawn } from "node:child_process";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { applyMigrations } from "../lib/migrations/runner";
import { createScratchDatabase } from "../lib/migrations/scratch";
import { decryptValue, encryptValue } from "../lib/secrets/crypto";
import { testServiceUrls } from "../lib/testing/services";

const PORT = 3791;
const CONNECTIONS = 16;
const REQUESTS = 2_000;
const root = path.resolve(import.meta.dirname, "..");

function throughput(label: string, run: () => void, seconds = 2): number {
  for (let index = 0; index < 2_000; index++) run(); // warm-up
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (let index = 0; index < 500; index++) run();
    count += 500;
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  console.log(`${label.padEnd(52)} ${Math.round(perSecond).toLocaleString("en").padStart(10)} encrypt+decrypt/s`);
  return perSecond;
}

function cryptoBench() {
  const key = randomBytes(32);
  const value = randomBytes(256);
  const binding = { orgId: "org_bench", secretId: "sec_bench", version: 7 };
  console.log(`\nencryption layer, 256-byte values, one core:`);
  const raw = throughput("plain node:crypto AES-256-GCM (baseline)", () => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, nonce);
    const sealed = Buffer.concat([cipher.update(value), cipher.final()]);
    const tag = cipher.getAuthTag();
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAuthTag(tag);
    Buffer.concat([decipher.update(sealed), decipher.final()]);
  });
  const layer = throughput("lib/secrets/crypto (AAD-bound, tag appended)", () => {
    decryptValue(key, encryptValue(key, value, binding), binding);
  });
  console.log(`ratio: encryption layer at ${((layer / raw) * 100).toFixed(0)}% of raw node:crypto (target ≥ 50%)`);
}

async function seed(url: string): Promise<{ cookie: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const token = randomBytes(32).toString("base64url");
  try {
    await client.query(`INSERT INTO "User" (id, email, name, "emailVerified", "updatedAt") VALUES ('owner', 'owner@bench.test', 'Owner', now(), now())`);
    await client.query(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ('org', 'Bench Co', 'bench', now())`);
    await client.query(`INSERT INTO "Membership" (id, "orgId", "userId", role, "createdAt", "updatedAt") VALUES ('m0', 'org', 'owner', 'owner', now(), now())`);
    await client.query(`INSERT INTO "Session" (id, "tokenHash", "userId", expires) VALUES ('s', $1, 'owner', now() + interval '1 day')`, [createHash("sha256").update(token).digest("hex")]);
  } finally {
    await client.end();
  }
  return { cookie: `bastion.session=${token}` };
}

async function load(url: string, init: RequestInit): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < REQUESTS) {
        next += 1;
        const started = performance.now();
        const response = await fetch(url, init);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function apiBench() {
  const database = await createScratchDatabase(testServiceUrls.postgres, "bastion_bench_secrets");
  let child: ReturnType<typeof spawn> | null = null;
  try {
    await applyMigrations(database.connectionString);
    const env = {
      DATABASE_URL: database.connectionString,
      BASTION_ALLOW_NO_REDIS: "1",
      REDIS_URL: "",
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
      BASTION_MASTER_KEYS: `v1:${randomBytes(32).toString("base64")}`,
      PORT: String(PORT),
      LOG_LEVEL: "warn",
      // The same per-user rate-limit check runs, with a limit this run cannot reach.
      BASTION_BENCH: "1",
      // The bench routes expose data; production (NODE_ENV unset) refuses them without this.
      BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA: "1",
      APP_URL: `http://127.0.0.1:${PORT}`,
    };
    const { cookie } = await seed(database.connectionString);
    child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts"], { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
    const base = `http://127.0.0.1:${PORT}`;
    for (let attempt = 0; ; attempt++) {
      if ((await fetch(`${base}/api/health/ready`).catch(() => null))?.ok) break;
      if (attempt > 600) throw new Error("server did not start");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const headers = { cookie, origin: base, "content-type": "application/json" };
    const created = await fetch(`${base}/api/v1/orgs/bench/secrets`, { method: "POST", headers, body: JSON.stringify({ key: "BENCH", value: randomBytes(128).toString("base64") }) });
    if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    const { id } = (await created.json()) as { id: string };
    const reveal = { method: "POST", headers, body: "{}" };
    await load(`${base}/api/v1/orgs/bench/secrets/${id}/reveal`, reveal); // warm-up (data-key cache, JIT)
    const floor = await load(`${base}/api/health`, {});
    const revealed = await load(`${base}/api/v1/orgs/bench/secrets/${id}/reveal`, reveal);
    console.log(`\nAPI, ${REQUESTS} requests at ${CONNECTIONS} connections (ms, loopback):`);
    for (const [name, samples] of [["GET /api/health (floor)", floor], ["POST …/secrets/[id]/reveal (audited)", revealed]] as const) {
      console.log(`${name.padEnd(44)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)}  p99 ${percentile(samples, 99).toFixed(1).padStart(6)}  ${(percentile(samples, 50) / percentile(floor, 50)).toFixed(1)}× floor p50`);
    }
    console.log(`target: reveal p99 ≤ 20 ms -> ${percentile(revealed, 99) <= 20 ? "met" : "not met"} on this machine`);
  } finally {
    child?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await database.drop();
  }
}

cryptoBench();
if (!process.argv.includes("--crypto-only")) await apiBench();
