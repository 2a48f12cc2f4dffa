// The command-line entry points as an operator meets them: refusals are one line and a
// non-zero exit, and the worker stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeWith, testDatabaseUrl, testRedisUrl } from "../lib/testing/describe";

const root = path.resolve(import.meta.dirname, "..");
// As package.json runs them: one Node process with the tsx loader, so signals reach it directly.
const node = process.execPath;

type Run = { code: number | null; stdout: string; stderr: string };

// Only what the entry point needs: nothing from this test run's environment leaks in.
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", ...extra };
}

function run(script: string, env: Record<string, string>, onOutput?: (text: string, child: ChildProcess) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(node, ["--import", "tsx", "--import", "./scripts/server-only.mjs", path.join(root, "scripts", script)], { cwd: root, env: baseEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      onOutput?.(stdout, child);
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function expectOneLineRefusal(result: Run, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe("npm start refusals", () => {
  it("exits non-zero with one line for an invalid DATABASE_URL", async () => {
    const result = await run("start.ts", { DATABASE_URL: "mysql://root:hunter2@db/app", REDIS_URL: "redis://127.0.0.1:6379" });
    expectOneLineRefusal(result, /^bastion: invalid environment: DATABASE_URL: expected a postgresql:\/\//);
    expect(result.stderr).not.toContain("hunter2");
  });

  it("exits non-zero with one line when PostgreSQL cannot be reached, before building anything", async () => {
    const result = await run("start.ts", {
      DATABASE_URL: "postgresql://postgres:hunter2@127.0.0.1:1/bastion",
      REDIS_URL: "redis://127.0.0.1:6379",
      AUTH_SECRET: "x".repeat(32),
    });
    expectOneLineRefusal(result, /^bastion: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/bastion: connection refused/);
    expect(result.stderr + result.stdout).not.toContain("hunter2");
    expect(result.stdout).not.toContain("building");
  });

  it("refuses server mode with a database but no Redis unless allowed", async () => {
    const result = await run("start.ts", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/bastion" });
    expectOneLineRefusal(result, /^bastion: invalid environment: REDIS_URL: required in server mode/);
  });
});

describe("npm run worker", () => {
  it("explains that single-process mode runs its worker inside npm start", async () => {
    const result = await run("worker.ts", {});
    expectOneLineRefusal(result, /single-process mode runs its worker inside `npm start`/);
  });
});

describeWith(["postgres", "redis"], "npm run worker in server mode", () => {
  it("starts, connects, and stops cleanly on SIGTERM", async () => {
    let signalled = false;
    const result = await run(
      "worker.ts",
      { DATABASE_URL: testDatabaseUrl(), REDIS_URL: testRedisUrl(), AUTH_SECRET: "x".repeat(32), LOG_LEVEL: "info" },
      (stdout, child) => {
        if (!signalled && stdout.includes('"msg":"worker started"')) {
          signalled = true;
          child.kill("SIGTERM");
        }
      },
    );
    expect(signalled).toBe(true);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const messages = result.stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line).msg as string);
    expect(messages[0]).toMatch(/^Bastion worker starting in server mode: PostgreSQL at /);
    expect(messages).toEqual(expect.arrayContaining(["worker started", "worker stopping", "worker stopped"]));
  });
});
