// Podman from the CI scripts: run a command and get its output, start and stop the
// containers a run made (by the names it gave them), wait on HTTP from the host.
import { spawnSync } from "node:child_process";

export type Run = { status: number | null; stdout: string; stderr: string };

export function podman(args: string[], options: { timeoutMs?: number; input?: string } = {}): Run {
  const result = spawnSync("podman", args, { encoding: "utf8", timeout: options.timeoutMs ?? 300_000, input: options.input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** podman …, throwing with its output when it exits non-zero. */
export function podmanOk(args: string[], options: { timeoutMs?: number } = {}): string {
  const result = podman(args, options);
  if (result.status !== 0) throw new Error(`podman ${args[0]} exited ${result.status}: ${(result.stderr || result.stdout).trim().split("\n").slice(-8).join(" | ")}`);
  return result.stdout;
}

/** `-e NAME=value` arguments; values never reach the log (the command line is not printed). */
export function envArgs(env: Record<string, string>): string[] {
  return Object.entries(env).flatMap(([name, value]) => ["-e", `${name}=${value}`]);
}

/** Polls until `probe` resolves true, or fails naming what it waited for. */
export async function waitUntil(what: string, timeoutMs: number, probe: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await Promise.resolve(probe()).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

export function removeContainers(names: string[]): void {
  for (const name of names) podman(["rm", "-f", "-v", "-t", "5", name], { timeoutMs: 60_000 });
}
