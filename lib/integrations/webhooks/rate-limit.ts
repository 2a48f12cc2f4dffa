// Webhooks are limited per connection, not per IP: providers deliver bursts from a few
// addresses (a GitHub push to many branches), and the connection is what a flood
// targets. Checked in the pipeline's one rate-limit round trip, instead of the caller's limits.
import "server-only";
import { env } from "../../env";
import type { LimitCheck } from "../../rate-limit/multi-limit";
import { BENCH_WEBHOOK_CONNECTION_LIMIT, WEBHOOK_CONNECTION_LIMIT } from "../../rate-limit/plans";

export function webhookLimits(params: Record<string, string | string[] | undefined>): LimitCheck[] {
  const connectionId = typeof params.connectionId === "string" ? params.connectionId.slice(0, 64) : "";
  return [{ rule: env().BASTION_BENCH ? BENCH_WEBHOOK_CONNECTION_LIMIT : WEBHOOK_CONNECTION_LIMIT, key: connectionId }];
}
