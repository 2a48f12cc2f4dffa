// What an unverifiable webhook leaves behind: a Prometheus counter by provider and reason,
// and at most one log line a minute per connection (a flood of forged requests must not
// flood the log). Nothing is stored in the database.
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

export function recordRefusal(connection: { id: string; orgId: string; provider: Provider }, reason: RefusalReason): void {
  refusalCounter().inc({ provider: connection.provider, reason });
  const logged = lastLogged();
  const now = Date.now();
  if (now - (logged.get(connection.id) ?? 0) < LOG_INTERVAL_MS) return;
  if (logged.size >= MAX_TRACKED) logged.clear();
  logged.set(connection.id, now);
  // Ids and the reason only: never the headers or the body of the refused request.
  logger.warn({ provider: connection.provider, connectionId: connection.id, orgId: connection.orgId, reason }, "webhook refused: signature could not be verified (logged once a minute per connection)");
}
