// Single-process mode as a user meets it: `npm start` with no database or Redis set
// serves from embedded PostgreSQL under the data directory, and keeps its data
// across a restart.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { e2ePorts } from "./support/ports";

const root = path.resolve(import.meta.dirname, "..");
const port = e2ePorts.singleProcessApp;

type Server = { child: ChildProcess; output: () => string };

async function startServer(dataDir: string): Promise<Server> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts"], {
    cwd: root,
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: "127.0.0.1", BASTION_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => null);
    if (ready?.ok) return { child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become ready:\n${output}`);
}

async function stopServer(server: Server): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  return exited;
}

async function withEmbeddedDatabase<T>(dataDir: string, work: (db: PGlite) => Promise<T>): Promise<T> {
  const db = await PGlite.create(path.join(dataDir, "pglite"));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

test("npm start with no database settings serves from .data and keeps data across restarts", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "bastion-e2e-single-"));
  try {
    const first = await startServer(dataDir);
    const firstLog = first.output().split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
    expect(firstLog[0].msg).toBe(`Bastion ${firstLog[0].version} starting in single-process mode: embedded PostgreSQL, data in ${dataDir}; rate limits, locks and caches in-process`);
    expect(firstLog.some((entry) => entry.msg?.startsWith("applied "))).toBe(true);
    const ready = await (await fetch(`http://127.0.0.1:${port}/api/health/ready`)).json();
    expect(ready).toMatchObject({ status: "ready", mode: "single-process", checks: { redis: { status: "not_configured" } } });
    expect(await stopServer(first)).toBe(0);

    // Write a row while Bastion is stopped, then make sure a restart keeps it.
    await withEmbeddedDatabase(dataDir, (db) =>
      db.query(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ('org_marker', 'Marker', 'marker', now())`),
    );

    const second = await startServer(dataDir);
    expect(second.output()).not.toMatch(/"msg":"applied /);
    expect((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status).toBe(200);
    expect(await stopServer(second)).toBe(0);

    const rows = await withEmbeddedDatabase(dataDir, async (db) => ({
      orgs: (await db.query<{ slug: string }>(`SELECT slug FROM "Organization"`)).rows,
      migrations: (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows[0]?.n,
    }));
    expect(rows.orgs).toEqual([{ slug: "marker" }]);
    expect(rows.migrations).toBeGreaterThan(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
