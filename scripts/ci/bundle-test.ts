// The release tarball, proven: `npm run release:bundle` makes it, it holds production
// dependencies only, and unpacked elsewhere it starts and serves a sign-up inside a
// network namespace with nothing but loopback (unshare -n; single-process mode, since
// not even this machine's PostgreSQL is reachable from there).
//   node --import tsx scripts/ci/bundle-test.ts
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { assert, createChecks } from "./checks";

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(os.tmpdir(), "bastion-bundle-test-"));
const { check, summary } = createChecks("bundle");

function run(command: string, args: string[], cwd = root): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 1_200_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${(result.stderr + result.stdout).trim().split("\n").slice(-8).join(" | ")}`);
  return result.stdout;
}

async function main(): Promise<void> {
  try {
    const tarball = await check("npm run release:bundle makes a tarball", () => {
      run("npm", ["run", "release:bundle", "--", "--out", path.join(work, "dist")]);
      const [file] = readdirSync(path.join(work, "dist"));
      assert(file !== undefined && file.endsWith(".tar.gz"), "no tarball");
      const full = path.join(work, "dist", file);
      console.log(`# bundle size: ${(statSync(full).size / 1e6).toFixed(0)} MB (${file})`);
      return full;
    });
    if (!tarball) return;
    const app = await check("it unpacks with the build and production dependencies only", () => {
      run("tar", ["-xzf", tarball, "-C", work]);
      const dir = path.join(work, readdirSync(work).find((entry) => entry.startsWith("bastion-"))!);
      assert(existsSync(path.join(dir, ".next", "BUILD_ID")), "no build in the bundle");
      assert(existsSync(path.join(dir, "node_modules", "next")) && existsSync(path.join(dir, "node_modules", "tsx")), "next or tsx missing");
      // Dev-only packages; next's and @prisma/client's optional peers (@playwright/test,
      // prisma, typescript) do come along, as npm keeps peers that the lock file holds.
      for (const dev of ["vitest", "autocannon", "oidc-provider", "smtp-server"]) assert(!existsSync(path.join(dir, "node_modules", dev)), `dev dependency ${dev} in the bundle`);
      return dir;
    });
    if (!app) return;
    await check("unpacked, it starts and serves a sign-up with no network (unshare -n)", () => {
      run("unshare", ["-n", "sh", "-c", `ip link set lo up && exec node --import tsx scripts/ci/bundle-airgap.ts "$0"`, app]);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
    summary();
  }
}

void main();
