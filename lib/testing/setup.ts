// Runs in every test worker before its test file: points lib/env at this run's
// database and Redis (when reachable) and keeps logs quiet.
import { inject } from "vitest";

const databaseUrl = inject("databaseUrl");
const redisUrl = inject("redisUrl");

process.env.LOG_LEVEL ??= "silent";
process.env.REDIS_KEY_PREFIX = inject("redisKeyPrefix");
if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
  if (redisUrl) process.env.REDIS_URL = redisUrl;
  else process.env.BASTION_ALLOW_NO_REDIS = "1";
} else {
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
}
