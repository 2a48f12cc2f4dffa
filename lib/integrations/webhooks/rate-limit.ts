// Webhooks are limited per connection, not per IP: providers deliver bursts from a few
// addresses (a GitHub push to many branches), and the connection is what a flood
// targets. Checked in the pipeline's one rate-limit round trip, instead of the caller's limits.
// The app-level URLs, which name no connection, are the exception (appWebhookLimits).
import "server-only";
import { clientIp } from "../../auth/request-meta";
import type { LimitCheck } from "../../rate-limit/multi-limit";
import { WEBHOOK_APP_IP_LIMIT, WEBHOOK_CONNECTION_LIMIT, benchAware } from "../../rate-limit/plans";

export function webhookLimits(params: Record<string, string | string[] | undefined>): LimitCheck[] {
  const connectionId = typeof params.connectionId === "string" ? params.connectionId.slice(0, 64) : "";
  return [{ rule: benchAware(WEBHOOK_CONNECTION_LIMIT), key: connectionId }];
}

/** An app-level URL names no connection: limited per sending address until the delivery is verified and routed. */
export function appWebhookLimits(_params: Record<string, string | string[] | undefined>, request: Request): LimitCheck[] {
  return [{ rule: benchAware(WEBHOOK_APP_IP_LIMIT), key: clientIp(request) ?? "unknown" }];
}
