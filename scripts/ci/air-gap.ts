// The image with no network at all (podman --network none: a loopback interface only) in
// single-process mode, root filesystem read-only, data in the image's /data volume: it
// must start from what it holds and serve a sign-up. Requests are made from inside the
// container (nothing outside can reach it).
import { assert } from "./checks";
import { podman, podmanOk, waitUntil } from "./podman";

const origin = "http://localhost:3000";

/** Runs a fetch inside the container; returns "<status> <set-cookie names>". */
function postInside(name: string, path: string, body: unknown, cookie = ""): string {
  const script = `fetch(${JSON.stringify(origin + path)}, { method: "POST", headers: { origin: ${JSON.stringify(origin)}, "content-type": "application/json", cookie: ${JSON.stringify(cookie)} }, body: ${JSON.stringify(JSON.stringify(body))} })
    .then(async (r) => console.log(r.status, r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ")), (e) => { console.log("error", e.message); process.exit(1); })`;
  return podmanOk(["exec", name, "node", "-e", script]).trim();
}

export async function signedUpInAirGap(image: string, name: string): Promise<void> {
  podmanOk(["run", "-d", "--name", name, "--network", "none", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "-e", "LOG_LEVEL=info", image]);
  const interfaces = podmanOk(["exec", name, "cat", "/proc/net/dev"]).split("\n").slice(2).map((line) => line.split(":")[0]!.trim()).filter(Boolean);
  assert(interfaces.join() === "lo", `the container has network interfaces ${interfaces.join(", ")}`);

  const ready = `fetch("${origin}/api/health/ready").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
  await waitUntil("/api/health/ready inside the air-gapped container", 180_000, () => {
    if (podman(["inspect", "--format", "{{.State.Running}}", name]).stdout.trim() !== "true") throw new Error(`exited: ${podman(["logs", "--tail", "20", name]).stderr}`);
    return podman(["exec", name, "node", "-e", ready]).status === 0;
  });

  const email = "air-gapped@example.com";
  const password = "Air-gapped correct horse battery";
  const signUp = postInside(name, "/api/v1/auth/sign-up", { email, password, name: "Air Gapped" });
  assert(signUp.startsWith("200"), `sign-up answered ${signUp}`);
  // Without SMTP_URL, single-process mode writes the verification link to its log.
  let token: string | undefined;
  await waitUntil("the verification link in the log", 20_000, () => {
    const logs = podman(["logs", name]);
    token = /\/verify-email\?token=([\w-]+)/.exec(logs.stdout + logs.stderr)?.[1];
    return token !== undefined;
  });
  const verified = postInside(name, "/api/v1/auth/verify-email", { token });
  assert(verified.startsWith("200"), `verify-email answered ${verified}`);
  const signIn = postInside(name, "/api/v1/auth/sign-in", { email, password });
  assert(/^200 .+=/.test(signIn), `sign-in answered ${signIn}`);
}
