// Runs in every test worker before its test file: points lib/env at this run's
// database and Redis (when reachable) and keeps logs quiet.
import { inject } from "vitest";

const databaseUrl = inject("databaseUrl");
const redisUrl = inject("redisUrl");

process.env.LOG_LEVEL ??= "silent";
process.env.REDIS_KEY_PREFIX = inject("redisKeyPrefix");
process.env.SMTP_URL = inject("smtpUrl");
process.env.MAIL_FROM = "Bastion <no-reply@bastion.test>";
process.env.APP_URL = "http://localhost:3000";
// Provider APIs default to a closed loopback port, so a job another suite left queued
// (a sync, a notification) fails fast here instead of reaching for the internet. Suites
// that talk to a provider point these at their stand-ins (lib/testing/provider-stand-ins).
const NOWHERE = "http://127.0.0.1:9";
for (const name of ["GITHUB_API_URL", "GITHUB_WEB_URL", "GITLAB_URL", "ATLASSIAN_AUTH_URL", "ATLASSIAN_API_URL", "LINEAR_API_URL", "LINEAR_WEB_URL", "SLACK_API_URL", "SLACK_WEB_URL"]) {
  process.env[name] ??= NOWHERE;
}
// Provider stand-ins listen on loopback: the outbound address policy lets tests reach it
// (suites about the policy pass their own).
process.env.BASTION_OUTBOUND_ALLOWLIST ??= "127.0.0.0/8,::1,localhost";
if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef0123456789";
  // Two master keys: v2 wraps, v1 (retired) still unwraps.
  process.env.BASTION_MASTER_KEYS ??= `v1:${Buffer.alloc(32, 1).toString("base64")},v2:${Buffer.alloc(32, 2).toString("base64")}`;
  if (redisUrl) process.env.REDIS_URL = redisUrl;
  else process.env.BASTION_ALLOW_NO_REDIS = "1";
} else {
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
}

// As boot() does for the app: code under test should find Redis connected.
if (redisUrl && databaseUrl) {
  const { redisReady } = await import("../redis");
  await redisReady(5_000);
}
