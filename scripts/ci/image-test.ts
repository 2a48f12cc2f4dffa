// Proves the container image (built by scripts/ci/ops.sh) rather than describing it:
//   server mode: the migrate command, then web with a read-only root filesystem against this
//   machine's PostgreSQL (a fresh database) and Redis, ready; a user signs up, verifies,
//   signs in, makes an org and connects GitHub through the API (GitHub is a local stand-in),
//   a signed webhook is accepted and the worker container processes it; the image's
//   HEALTHCHECK passes, keys-rotate runs, web stops cleanly on SIGTERM;
//   air-gapped: single-process mode with --network none serves a sign-up.
//   IMAGE=localhost/bastion:ci node --import tsx scripts/ci/image-test.ts
import { createHmac, randomBytes } from "node:crypto";
import { createScratchDatabase, type ScratchDatabase } from "../../lib/migrations/scratch";
import { linkIn, startMailbox, type Mailbox } from "../../lib/testing/mailbox";
import { standInCredentials, startProviderStandIns, type ProviderStandIns } from "../../lib/testing/provider-stand-ins";
import { testServiceUrls } from "../../lib/testing/services";
import { signedUpInAirGap } from "./air-gap";
import { assert, createChecks } from "./checks";
import { envArgs, podman, podmanOk, removeContainers, waitUntil } from "./podman";

const image = process.env.IMAGE ?? "localhost/bastion:ci";
// This checkout's port range (3500-3520): web, mailbox, provider stand-ins.
const WEB_PORT = 3501;
const ports = { smtp: 3502, github: 3504, gitlab: 3505, atlassian: 3506, linear: 3507, slack: 3508 };
const origin = `http://127.0.0.1:${WEB_PORT}`;
const run = randomBytes(4).toString("hex");
const names = { web: `bastion-ci-web-${run}`, worker: `bastion-ci-worker-${run}`, airGapped: `bastion-ci-airgap-${run}` };
const { check, fail, summary } = createChecks("image");

// The root filesystem read-only, as a hardened deployment runs it; /tmp is podman's tmpfs.
const hardened = ["--read-only", "--network", "host", "--cap-drop", "ALL", "--security-opt", "no-new-privileges"];

async function api(path: string, body?: unknown, cookie?: string): Promise<{ status: number; json: any; cookies: string[] }> {
  const headers: Record<string, string> = { origin, "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  const response = await fetch(`${origin}${path}`, { method: body === undefined ? "GET" : "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, json, cookies: response.headers.getSetCookie().map((value) => value.split(";")[0]!) };
}

function expectStatus(answer: { status: number; json: unknown }, status: number, what: string): void {
  assert(answer.status === status, `${what} answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 300)}`);
}

async function serverMode(database: ScratchDatabase, standIns: ProviderStandIns, mailbox: Mailbox): Promise<void> {
  const env = {
    DATABASE_URL: database.connectionString,
    REDIS_URL: testServiceUrls.redis,
    REDIS_KEY_PREFIX: `bastion-ci-${run}:`,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    BASTION_MASTER_KEYS: `v1:${randomBytes(32).toString("base64")}`,
    PORT: String(WEB_PORT),
    APP_URL: origin,
    SMTP_URL: mailbox.smtpUrl,
    LOG_LEVEL: "warn",
    BASTION_MIGRATE_ON_START: "0",
    ...standIns.env,
  };

  const migrated = await check("migrate command applies the migrations (read-only root, non-root)", () => {
    const output = podmanOk(["run", "--rm", ...hardened, ...envArgs(env), image, "migrate"]);
    assert(output.includes("database is up to date"), `unexpected output: ${output.slice(-300)}`);
    return true;
  });
  if (!migrated) return;

  const started = await check("web starts read-only in server mode and is ready", async () => {
    podmanOk(["run", "-d", "--name", names.web, ...hardened, ...envArgs(env), image]);
    await waitUntil("/api/health/ready", 180_000, async () => {
      if (podman(["inspect", "--format", "{{.State.Running}}", names.web]).stdout.trim() !== "true") throw new Error("exited");
      return (await fetch(`${origin}/api/health/ready`)).ok;
    }).catch((error) => {
      throw new Error(`${(error as Error).message}; logs: ${podman(["logs", "--tail", "20", names.web]).stderr.slice(-800)}`);
    });
    const logs = podman(["logs", names.web]);
    assert(!/building the app/.test(logs.stdout + logs.stderr), "the container built the app at start");
    return true;
  });
  if (!started) return;

  await check("the image's HEALTHCHECK (node fetch of /api/health) passes", () => podmanOk(["healthcheck", "run", names.web]));

  const email = `ci-${run}@example.com`;
  const password = `Image-test ${run} correct horse`;
  const session = await check("sign-up, email verification and sign-in through the API", async () => {
    expectStatus(await api("/api/v1/auth/sign-up", { email, password, name: "Image Test" }), 200, "sign-up");
    const mail = await mailbox.waitForMail(email, { timeoutMs: 30_000 });
    const token = new URL(linkIn(mail, "/verify-email")).searchParams.get("token");
    expectStatus(await api("/api/v1/auth/verify-email", { token }), 200, "verify-email");
    const signIn = await api("/api/v1/auth/sign-in", { email, password });
    expectStatus(signIn, 200, "sign-in");
    assert(signIn.cookies.length > 0, "sign-in set no cookie");
    return signIn.cookies.join("; ");
  });
  if (!session) return;

  const slug = `ci-${run}`;
  const connection = await check("an org and a GitHub connection through the API", async () => {
    expectStatus(await api("/api/v1/orgs", { name: "Image CI", slug }, session), 201, "create org");
    const connected = await api(`/api/v1/orgs/${slug}/integrations`, { provider: "github", method: "token", token: standInCredentials.github.token }, session);
    expectStatus(connected, 201, "connect GitHub");
    const { connection: created, webhookSecret } = connected.json as { connection: { id: string }; webhookSecret: string };
    assert(created.id && webhookSecret, "no connection id or webhook secret in the answer");
    return { id: created.id, secret: webhookSecret };
  });
  if (!connection) return;

  const deliveryId = `ci-${run}`;
  await check("a signed GitHub webhook is accepted (202)", async () => {
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1, hook: { type: "Repository", id: 1, events: ["push"] } });
    const signature = `sha256=${createHmac("sha256", connection.secret).update(body).digest("hex")}`;
    const response = await fetch(`${origin}/api/webhooks/github/${connection.id}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": deliveryId, "x-hub-signature-256": signature, "user-agent": "GitHub-Hookshot/ci" },
    });
    assert(response.status === 202, `the webhook answered ${response.status}: ${await response.text()}`);
  });

  await check("the worker container processes the delivery", async () => {
    podmanOk(["run", "-d", "--name", names.worker, ...hardened, ...envArgs(env), image, "worker"]);
    let last = "";
    await waitUntil("the delivery to be processed", 120_000, async () => {
      const answer = await api(`/api/v1/orgs/${slug}/integrations/${connection.id}/deliveries`, undefined, session);
      const delivery = (answer.json as { items?: { deliveryId?: string; status: string }[] }).items?.[0];
      last = delivery?.status ?? `none (${answer.status})`;
      return delivery?.status === "processed";
    }).catch((error) => {
      throw new Error(`${(error as Error).message}; last status ${last}; worker logs: ${podman(["logs", "--tail", "10", names.worker]).stdout.slice(-600)}`);
    });
  });

  await check("keys-rotate command rewraps the org's data key", () => {
    const output = podmanOk(["run", "--rm", ...hardened, ...envArgs(env), image, "keys-rotate"]);
    assert(/done; \d+ data keys now under key-encryption key v1/.test(output), `unexpected output: ${output.slice(-300)}`);
  });

  await check("web and worker stop cleanly on SIGTERM (exit 0)", () => {
    for (const name of [names.web, names.worker]) {
      podmanOk(["stop", "-t", "30", name], { timeoutMs: 60_000 });
      const code = podmanOk(["inspect", "--format", "{{.State.ExitCode}}", name]).trim();
      assert(code === "0", `${name} exited ${code}`);
    }
  });
}

async function main(): Promise<void> {
  await check(`image ${image} exists; size`, () => {
    const bytes = Number(podmanOk(["image", "inspect", "--format", "{{.Size}}", image]).trim());
    console.log(`# image size: ${(bytes / 1e6).toFixed(0)} MB (${bytes} bytes)`);
  });
  await check("runs as a non-root user", () => {
    const uid = podmanOk(["run", "--rm", "--network", "none", "--entrypoint", "id", image, "-u"]).trim();
    assert(uid !== "0", "the image runs as root");
  });

  let database: ScratchDatabase | null = null;
  let standIns: ProviderStandIns | null = null;
  const mailbox = await startMailbox({ smtpPort: ports.smtp });
  try {
    database = await createScratchDatabase(testServiceUrls.postgres, "bastion_image");
    standIns = await startProviderStandIns({ ports: { github: ports.github, gitlab: ports.gitlab, atlassian: ports.atlassian, linear: ports.linear, slack: ports.slack } });
    await serverMode(database, standIns, mailbox);
  } catch (error) {
    fail("server-mode setup", (error as Error).message);
  } finally {
    removeContainers([names.web, names.worker]);
    await standIns?.stop();
    await mailbox.close();
    await database?.drop();
  }

  await check("air-gapped (--network none, single-process mode): starts read-only and serves a sign-up", async () => {
    try {
      await signedUpInAirGap(image, names.airGapped);
    } finally {
      removeContainers([names.airGapped]);
    }
  });
  summary();
}

void main();
