// Runs inside a network namespace of its own (`unshare -n`, loopback only; see
// scripts/ci/ops.sh): starts an unpacked release bundle in single-process mode exactly
// as its README says (no build, no install), signs up, verifies and signs in over
// loopback, then stops it with SIGTERM. Prints what failed and exits non-zero on failure.
//   node --import tsx scripts/ci/bundle-airgap.ts <unpacked bundle dir>
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { assert } from "./checks";
import { waitUntil } from "./podman";

const dir = process.argv[2]!;
const origin = "http://localhost:3000";

async function post(pathname: string, body: unknown): Promise<Response> {
  return fetch(origin + pathname, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function main(): Promise<void> {
  const interfaces = Object.keys(networkInterfaces());
  assert(interfaces.join() === "lo", `not isolated: interfaces ${interfaces.join(", ")}`);
  const server = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts"], {
    cwd: dir,
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: tmpdir(), BASTION_BUILD_ON_START: "0", BASTION_DATA_DIR: mkdtempSync(path.join(tmpdir(), "bastion-bundle-data-")), PORT: "3000", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
  try {
    await waitUntil("/api/health/ready", 180_000, async () => {
      if (server.exitCode !== null) throw new Error(`the server exited: ${output.slice(-800)}`);
      return (await fetch(`${origin}/api/health/ready`)).ok;
    });
    assert(!output.includes("building the app"), "the bundle built at start");
    const email = "bundle@example.com";
    const password = "Bundle air-gapped correct horse";
    const signUp = await post("/api/v1/auth/sign-up", { email, password, name: "Bundle" });
    assert(signUp.status === 200, `sign-up answered ${signUp.status}`);
    let token: string | undefined;
    await waitUntil("the verification link in the log", 20_000, () => (token = /\/verify-email\?token=([\w-]+)/.exec(output)?.[1]) !== undefined);
    const verified = await post("/api/v1/auth/verify-email", { token });
    assert(verified.status === 200, `verify-email answered ${verified.status}`);
    const signIn = await post("/api/v1/auth/sign-in", { email, password });
    assert(signIn.status === 200 && signIn.headers.getSetCookie().length > 0, `sign-in answered ${signIn.status}`);
  } finally {
    server.kill("SIGTERM");
  }
  const code = await exited;
  assert(code === 0, `the server exited ${code} on SIGTERM`);
  console.log("bundle-airgap: signed up, verified and signed in with no network");
}

main().catch((error) => {
  console.error(`bundle-airgap: ${(error as Error).message}`);
  process.exit(1);
});
