// Stopping the web server: a second SIGTERM/SIGINT during the drain must not drop the
// requests in flight; it only cuts the drain down to HURRIED_DRAIN_MS.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DrainDeadline, HURRIED_DRAIN_MS } from "./shutdown";

const root = path.resolve(import.meta.dirname, "..");

type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<{ code: number | null; at: number }> };

async function startDrainServer(): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/fixtures/drain-server.ts")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on("exit", (code) => resolve({ code, at: Date.now() })));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", () => reject(new Error(`the server exited before listening: ${output}`)));
  });
  return { child, port, output: () => output, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("shutdown", () => {
  it("finishes a request in flight when a second signal arrives during the drain", async () => {
    const server = await startDrainServer();
    const inFlight = fetch(`http://127.0.0.1:${server.port}/?ms=1500`).then(async (response) => ({ status: response.status, body: await response.text() }));
    await sleep(200);
    server.child.kill("SIGTERM");
    await sleep(200);
    server.child.kill("SIGINT");
    expect(await inFlight).toEqual({ status: 200, body: "slept 1500" });
    expect((await server.exited).code).toBe(0);
    expect(server.output()).toMatch(/stopping on SIGTERM\nhurried on SIGINT: \d+ ms left\nstopped/);
  });

  it("still bounds the drain: a second signal leaves a slow request HURRIED_DRAIN_MS, not the full 10 s", async () => {
    const server = await startDrainServer();
    const inFlight = fetch(`http://127.0.0.1:${server.port}/?ms=30000`).then(
      (response) => response.status,
      () => "cut off",
    );
    await sleep(200);
    server.child.kill("SIGTERM");
    await sleep(200);
    const hurriedAt = Date.now();
    server.child.kill("SIGTERM");
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - hurriedAt).toBeGreaterThanOrEqual(HURRIED_DRAIN_MS - 200);
    expect(at - hurriedAt).toBeLessThan(HURRIED_DRAIN_MS + 3_000);
    expect(await inFlight).toBe("cut off");
  });
});

describe("DrainDeadline", () => {
  it("only ever moves closer", async () => {
    const deadline = new DrainDeadline(null);
    expect(deadline.shorten(10_000)).toBeGreaterThan(9_000);
    expect(deadline.shorten(50)).toBeLessThanOrEqual(50);
    expect(deadline.shorten(5_000)).toBeLessThanOrEqual(50);
    const started = Date.now();
    await deadline.reached;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
