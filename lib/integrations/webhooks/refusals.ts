// What an unverifiable webhook leaves behind: a Prometheus counter by provider and reason,
// and at most one log line a minute per connection, or per app for the app-level URLs (a
// flood of forged requests must not flood the log). Nothing is stored in the database.
import "server-only";
import { Counter } from "prom-client";
import { logger } from "../../logger";
import { metrics } from "../../metrics/registry";
import { processSingleton } from "../../runtime";
import type { Provider, RefusalReason } from "../types";

const LOG_INTERVAL_MS = 60_000;
/** Bounds the memory of when each connection last logged (only real connections get here). */
const MAX_TRACKED = 10_000;

function refusalCounter(): Counter<"provider" | "reason"> {
  return processSingleton(
    "metrics:webhook-refusals",
    () =>
      new Counter({
        name: "bastion_webhook_refusals_total",
        help: "Inbound webhooks refused as unverifiable, by provider and reason",
        labelNames: ["provider", "reason"],
        registers: [metrics().registry],
      }),
  );
}

const lastLogged = () => processSingleton("webhook-refusal-log", () => new Map<string, number>());

/** Whether a refusal addressed to `key` may be logged now; at most once a minute per key. */
function mayLog(key: string): boolean {
  const logged = lastLogged();
  const now = Date.now();
  if (now - (logged.get(key) ?? 0) < LOG_INTERVAL_MS) return false;
  if (logged.size >= MAX_TRACKED) logged.clear();
  logged.set(key, now);
  return true;
}

export function recordRefusal(connection: { id: string; orgId: string; provider: Provider }, reason: RefusalReason): void {
  refusalCounter().inc({ provider: connection.provider, reason });
  if (!mayLog(connection.id)) return;
  // Ids and the reason only: never the headers or the body of the refused request.
  logger.warn({ provider: connection.provider, connectionId: connection.id, orgId: connection.orgId, reason }, "webhook refused: signature could not be verified (logged once a minute per connection)");
}

/** A refusal at an app's one webhook URL (/api/webhooks/github, /api/webhooks/slack): no connection is known yet. */
export function recordAppRefusal(provider: Provider | "stripe", reason: RefusalReason): void {
  refusalCounter().inc({ provider, reason });
  if (!mayLog(`app:${provider}`)) return;
  logger.warn({ provider, endpoint: "app", reason }, "webhook refused: signature could not be verified (logged once a minute per app)");
}
