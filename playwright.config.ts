// Browser tests against a production build served by `npm start`'s entry point, in
// Debian's Chromium. `npm test` (scripts/test.ts) gives the run a fresh PostgreSQL
// database through E2E_DATABASE_URL; without it the server runs in single-process mode
// on a fresh data directory. In server mode the web process runs no jobs, so a worker
// process (`npm run worker`'s entry point) runs beside it with the same environment.
import { rmSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

import { e2eOidc } from "./e2e/support/oidc";
import { e2ePorts } from "./e2e/support/ports";
import { standInEnvironment } from "./e2e/support/provider-stand-ins";
import { stripeEnvironment } from "./e2e/support/stripe";

const port = e2ePorts.app;
const databaseUrl = process.env.E2E_DATABASE_URL;
const redisUrl = process.env.E2E_REDIS_URL;
const dataDir = path.join(import.meta.dirname, ".test-results", "e2e-data");
if (!databaseUrl && !process.env.TEST_WORKER_INDEX) rmSync(dataDir, { recursive: true, force: true });

export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
};

const serverEnv: Record<string, string> = {
  PORT: String(port),
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
  // Product telemetry stays unconfigured (e2e/telemetry.spec.ts checks nothing is sent).
  POSTHOG_KEY: "",
  REDIS_KEY_PREFIX: `bastion:e2e:${process.pid}:`,
  APP_URL: `http://127.0.0.1:${port}`,
  // Specs give each test account its own X-Forwarded-For (e2e/support/accounts.ts).
  TRUST_PROXY: "1",
  SMTP_URL: `smtp://127.0.0.1:${e2ePorts.smtp}`,
  MAIL_FROM: "Bastion <no-reply@bastion.test>",
  // Instance-wide SSO through the local OpenID provider (e2e/support/oidc.ts).
  OIDC_ISSUER: e2eOidc.issuer,
  OIDC_CLIENT_ID: e2eOidc.instanceClient.clientId,
  OIDC_CLIENT_SECRET: e2eOidc.instanceClient.clientSecret,
  OIDC_DISPLAY_NAME: e2eOidc.displayName,
  ...(databaseUrl
    ? { DATABASE_URL: databaseUrl, AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123", BASTION_MASTER_KEYS: `v1:${Buffer.alloc(32, 7).toString("base64")}`, ...(redisUrl ? { REDIS_URL: redisUrl } : { BASTION_ALLOW_NO_REDIS: "1" }) }
    : { DATABASE_URL: "", REDIS_URL: "", BASTION_DATA_DIR: dataDir }),
  // Provider APIs: the stand-ins started by the global setup (e2e/support/provider-stand-ins.ts),
  // on loopback, which their environment allows (BASTION_OUTBOUND_ALLOWLIST).
  ...standInEnvironment(),
  // Billing is on for the whole run, against the Stripe stand-in (e2e/support/stripe.ts).
  // Orgs without a subscription are on Free; specs whose orgs need more (SSO) give them a
  // plan (e2e/support/db.ts).
  ...stripeEnvironment(),
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  // Specs create fixtures through the domain layer (lib/…), whose modules import
  // `server-only`; this tsconfig maps it to an empty stub, as vitest.config.ts does.
  tsconfig: "./e2e/tsconfig.json",
  outputDir: ".test-results/playwright",
  timeout: 60_000,
  workers: 2,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: ".test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions,
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: "node --import tsx --import ./scripts/server-only.mjs scripts/start.ts",
      url: `http://127.0.0.1:${port}/api/health/ready`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: serverEnv,
    },
    // Started after the web server is ready (so after its migrations); ready once it says so.
    ...(databaseUrl
      ? [
          {
            name: "worker",
            command: "node --import tsx --import ./scripts/server-only.mjs scripts/worker.ts",
            wait: { stdout: /worker starting/ },
            timeout: 60_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
            env: { ...serverEnv, LOG_LEVEL: "info" },
          },
        ]
      : []),
  ],
});
