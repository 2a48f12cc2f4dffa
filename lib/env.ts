// The only module that reads process.env (a test enforces it). Every variable is
// validated once, so a bad value stops the start instead of failing a request later.
import path from "node:path";
import { z } from "zod";
import packageJson from "../package.json" with { type: "json" };
import { PLAN_IDS } from "./billing/plans";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "expected a postgresql://user@host:port/database URL",
  });

const redisUrl = z
  .string()
  .refine((value) => /^rediss?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "expected a redis:// or rediss:// URL",
  });

const providerUrl = z
  .url({ protocol: /^https?$/, message: "expected an http(s):// URL" })
  .transform((value) => value.replace(/\/+$/, ""));

/** "10.0.0.0/8", "::1", "fd00::/8", "gitlab.internal". */
const allowlistEntry = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6(), z.hostname()]);

// Empty strings count as unset: `FOO= npm start` should behave like not setting FOO.
const blankToUndefined = (input: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(input).map(([key, value]) => [key, value === "" ? undefined : value]));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl.optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, "expected 1-64 characters of [A-Za-z0-9_:.-]").default("bastion:"),
  BASTION_ALLOW_NO_REDIS: flag,

  BASTION_DATA_DIR: z.string().min(1).default(".data"),
  BASTION_MIGRATE_ON_START: z
    .enum(["1", "0", "true", "false"])
    .default("1")
    .transform((value) => value === "1" || value === "true"),
  BASTION_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** `npm start` builds when the build is missing or older than the sources (1); 0 never builds and refuses to start without one (images). */
  BASTION_BUILD_ON_START: z
    .enum(["1", "0", "true", "false"])
    .default("1")
    .transform((value) => value === "1" || value === "true"),

  /** The public origin users reach Bastion at; links in emails and CSRF checks use it. */
  APP_URL: z.url({ protocol: /^https?$/, message: "expected an http(s):// URL" }).optional(),
  /** Honour X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  TRUST_PROXY: flag,
  /** Signs and encrypts auth material; at least 32 characters. Generated into the data dir in single-process mode. */
  AUTH_SECRET: z.string().min(32, "expected at least 32 characters (e.g. openssl rand -base64 32)").optional(),

  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/[^\s]+$/.test(value) && URL.canParse(value), { message: "expected an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Bastion <no-reply@localhost>"),

  /** Instance-wide OpenID Connect sign-in (any standards-compliant issuer). */
  OIDC_ISSUER: z.url({ protocol: /^https?$/, message: "expected the issuer's http(s):// URL" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).default("Single sign-on"),

  /** DNS servers for domain verification (comma-separated host[:port]); default: the system's. */
  BASTION_DNS_SERVERS: z
    .string()
    .transform((value) => value.split(",").map((server) => server.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[\w.:[\]-]+$/, "expected host or host:port entries")).min(1))
    .optional(),

  /** Key-encryption-key provider for secrets: `local` (BASTION_MASTER_KEYS) or `vault` (Vault Transit). */
  BASTION_KMS: z.enum(["local", "vault"]).default("local"),
  /** Versioned master keys "v1:<base64 32 bytes>,v2:…": the newest wraps, all unwrap. */
  BASTION_MASTER_KEYS: z
    .string()
    .refine(
      (value) =>
        value.split(",").every((entry) => {
          const match = /^v([1-9]\d{0,5}):([A-Za-z0-9+/_-]+={0,2})$/.exec(entry.trim());
          return match !== null && Buffer.from(match[2]!, "base64").length === 32;
        }),
      { message: "expected comma-separated v<N>:<base64 of 32 bytes> entries (e.g. v1:$(openssl rand -base64 32))" },
    )
    .optional(),
  VAULT_ADDR: z.url({ protocol: /^https?$/, message: "expected Vault's http(s):// address" }).optional(),
  VAULT_TOKEN: z.string().min(1).optional(),
  VAULT_TRANSIT_KEY: z.string().regex(/^[\w.-]{1,128}$/, "expected a Transit key name").default("bastion"),
  VAULT_TRANSIT_MOUNT: z.string().regex(/^[\w.-]+(\/[\w.-]+)*$/, "expected a mount path like transit").default("transit"),
  VAULT_NAMESPACE: z.string().min(1).optional(),
  /** PEM file of the CA that signed Vault's TLS certificate. */
  VAULT_CACERT: z.string().min(1).optional(),
  /** Bearer token for GET /api/metrics (Prometheus); unset, the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "expected at least 16 characters (e.g. openssl rand -hex 24)").optional(),
  /** Product analytics: off unless a PostHog project key is set; BASTION_TELEMETRY=0 turns it off anyway. */
  POSTHOG_KEY: z.string().regex(/^[\w-]{8,200}$/, "expected a PostHog project API key").optional(),
  POSTHOG_HOST: z.url({ protocol: /^https?$/, message: "expected the PostHog http(s):// origin" }).default("https://us.i.posthog.com"),
  BASTION_TELEMETRY: z
    .enum(["1", "0", "true", "false"])
    .default("1")
    .transform((value) => value === "1" || value === "true"),
  /** Largest webhook body accepted (bytes); larger deliveries answer 413. */
  INTEGRATIONS_WEBHOOK_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Timeout of one outbound call to a provider's API. */
  INTEGRATIONS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Provider calls may reach loopback, private and link-local addresses (self-managed GitLab or Jira on an internal network). */
  BASTION_OUTBOUND_ALLOW_PRIVATE: flag,
  /** Internal addresses provider calls may reach anyway: comma-separated CIDRs, IPs or host names. */
  BASTION_OUTBOUND_ALLOWLIST: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every((entry) => allowlistEntry.safeParse(entry).success), "expected comma-separated CIDRs (10.0.0.0/8), IPs or host names"),
  /** GitHub App (installations): its id, PEM private key (\n escapes allowed) and URL slug. */
  GITHUB_APP_ID: z.string().regex(/^\d+$/, "expected the numeric GitHub App id").optional(),
  GITHUB_APP_PRIVATE_KEY: z.string().min(1).optional(),
  GITHUB_APP_SLUG: z.string().regex(/^[\w-]+$/, "expected the app's URL slug").optional(),
  /** The GitHub App's webhook secret: verifies what GitHub posts to the app's one webhook URL, /api/webhooks/github. */
  GITHUB_APP_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Provider endpoints; set for GitHub Enterprise Server or a local stand-in in tests. */
  GITHUB_API_URL: providerUrl.default("https://api.github.com"),
  GITHUB_WEB_URL: providerUrl.default("https://github.com"),
  GITLAB_URL: providerUrl.default("https://gitlab.com"),
  GITLAB_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  GITLAB_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  ATLASSIAN_AUTH_URL: providerUrl.default("https://auth.atlassian.com"),
  ATLASSIAN_API_URL: providerUrl.default("https://api.atlassian.com"),
  JIRA_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  JIRA_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  LINEAR_API_URL: providerUrl.default("https://api.linear.app"),
  LINEAR_WEB_URL: providerUrl.default("https://linear.app"),
  LINEAR_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  LINEAR_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_API_URL: providerUrl.default("https://slack.com/api"),
  SLACK_WEB_URL: providerUrl.default("https://slack.com"),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  /** The Slack app's signing secret: Slack signs every event and interactivity request with it. */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /** Billing: unset, billing is off and every org gets BASTION_DEFAULT_PLAN; nothing calls Stripe. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "expected a Stripe secret key (sk_test_… or sk_live_…)").optional(),
  /** Verifies what Stripe posts to /api/webhooks/stripe (whsec_…). */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** The Stripe API base; set only for a local stand-in in tests. */
  STRIPE_API_URL: providerUrl.optional(),
  /** The plan of every org while billing is off. */
  BASTION_DEFAULT_PLAN: z.enum(PLAN_IDS).default("self-hosted"),
  /** Days a past-due org keeps its paid entitlements before falling back to Free. */
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  /** Trial days offered at checkout (0: none). */
  BILLING_TRIAL_DAYS: z.coerce.number().int().min(0).max(730).default(0),
  /** Stripe Tax on checkout (needs Stripe Tax set up in the account). */
  BILLING_AUTOMATIC_TAX: flag,
  /**
   * Mounts the bare benchmark routes (/api/bench/…, loopback callers only) and lifts every
   * rate limit. They read any org's data without authentication, so production refuses
   * it unless the second, loudly named variable says the operator means it.
   */
  BASTION_BENCH: flag,
  BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA: flag,
  /** BASTION_RATE_LIMIT=0 turns rate limiting off (benchmarks, trusted networks). */
  BASTION_RATE_LIMIT: z
    .enum(["1", "0", "true", "false"])
    .default("1")
    .transform((value) => value === "1" || value === "true"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment: ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

/** Validates a raw environment; never echoes values, since some are credentials. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(blankToUndefined(raw));
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const env = result.data;
  if (env.DATABASE_URL && !env.REDIS_URL && !env.BASTION_ALLOW_NO_REDIS) {
    throw new EnvError([
      "REDIS_URL: required in server mode (DATABASE_URL is set); set BASTION_ALLOW_NO_REDIS=1 to run with in-process limits",
    ]);
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    throw new EnvError(["DATABASE_URL: required when REDIS_URL is set (server mode needs both)"]);
  }
  if (env.DATABASE_URL && !env.AUTH_SECRET) {
    throw new EnvError(["AUTH_SECRET: required in server mode, the same on every process (e.g. openssl rand -base64 32)"]);
  }
  if (env.BASTION_BENCH && env.NODE_ENV === "production" && !env.BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA) {
    throw new EnvError([
      "BASTION_BENCH: refused in production (its routes expose any org's data); benchmarks also set BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA=1",
    ]);
  }
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new EnvError(["OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three for instance-wide SSO, or none"]);
  }
  if (env.BASTION_KMS === "vault" && (!env.VAULT_ADDR || !env.VAULT_TOKEN)) {
    throw new EnvError(["VAULT_ADDR, VAULT_TOKEN: required when BASTION_KMS=vault"]);
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    throw new EnvError(["STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set (subscriptions are learned from verified webhooks)"]);
  }
  return env;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again on the next env() call (tests that start a stand-in first, then configure it). */
export function reloadEnv(): void {
  cached = undefined;
}

/** Single-process mode embeds PostgreSQL; server mode uses DATABASE_URL (and REDIS_URL). */
export type Mode = "single-process" | "server";

export function mode(): Mode {
  return env().DATABASE_URL ? "server" : "single-process";
}

export function dataDir(): string {
  return path.resolve(env().BASTION_DATA_DIR);
}

/** The origin Bastion is reached at, without a trailing slash. */
export function appUrl(): string {
  const configured = env().APP_URL;
  return (configured ?? `http://localhost:${env().PORT}`).replace(/\/+$/, "");
}

/** The app's version, for health answers and the start line. */
export const appVersion: string = packageJson.version;
