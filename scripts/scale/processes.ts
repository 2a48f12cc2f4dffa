// Child processes of the scale test: nginx, web processes and workers, started from this
// checkout with one environment, stopped (or killed) by the test, and all killed on exit.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const live = new Set<ChildProcess>();

process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export function spawnScript(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

export async function waitReady(port: number, child: ChildProcess, timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => null))?.ok) return;
    if (child.exitCode !== null) throw new Error(`the process on port ${port} exited (${child.exitCode}) during start`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the process on port ${port} was not ready in time`);
}

export function exited(child: ChildProcess, timeoutMs: number): Promise<number | null | "timeout"> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  if ((await exited(child, 15_000)) === "timeout") child.kill("SIGKILL");
}

/** nginx from the template, unprivileged, in a temporary directory. */
export function startNginx(ports: { port: number; webA: number; webB: number }): { stop(): void } {
  if (spawnSync("nginx", ["-v"]).error) throw new Error("nginx is not installed (apt-get install -y nginx-light)");
  const dir = mkdtempSync(path.join(tmpdir(), "bastion-nginx-"));
  // Workers run as nobody when started by root: they need to reach the temp paths.
  chmodSync(dir, 0o755);
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, "tmp", sub), { recursive: true, mode: 0o777 });
  chmodSync(path.join(dir, "tmp"), 0o777);
  const config = readFileSync(path.join(import.meta.dirname, "nginx.conf.template"), "utf8")
    .replaceAll("{{DIR}}", dir)
    .replaceAll("{{PORT}}", String(ports.port))
    .replaceAll("{{WEB_A}}", String(ports.webA))
    .replaceAll("{{WEB_B}}", String(ports.webB));
  writeFileSync(path.join(dir, "nginx.conf"), config);
  const child = spawn("nginx", ["-p", dir, "-c", "nginx.conf", "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  live.add(child);
  child.once("exit", () => live.delete(child));
  return { stop: () => child.kill("SIGQUIT") };
}
