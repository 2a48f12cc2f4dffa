// The Redis connection in server mode; null in single-process mode, where callers use
// their in-process fallback. Commands fail fast while Redis is down instead of queueing,
// so a request never hangs on it.
import { Redis } from "ioredis";
import { env } from "./env";
import { clearProcessSingleton, processSingleton } from "./runtime";

export function getRedis(): Redis | null {
  const url = env().REDIS_URL;
  if (!url) return null;
  return processSingleton("redis", () => {
    const client = new Redis(url, {
      keyPrefix: env().REDIS_KEY_PREFIX,
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      // Keep trying in the background so Redis coming back needs no restart.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Connection errors surface through readiness and the callers' fallbacks.
    client.on("error", () => {});
    return client;
  });
}

/** Waits for the first connection (true), or gives up after `timeoutMs` (false). No Redis configured: true. */
export function redisReady(timeoutMs: number): Promise<boolean> {
  const redis = getRedis();
  if (!redis || redis.status === "ready") return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function disconnectRedis(): Promise<void> {
  const store = globalThis as unknown as Record<symbol, Redis | undefined>;
  const current = store[Symbol.for("bastion.singleton.redis")];
  if (!current) return;
  clearProcessSingleton("redis");
  current.disconnect();
}
