// Verified deliveries at an app-level URL that no active connection takes (an installation
// or workspace no org has connected, or only disabled connections): nothing is wrong and
// nothing is stored, so they are only counted, by provider and why.
import "server-only";
import { Counter } from "prom-client";
import { metrics } from "../../metrics/registry";
import { processSingleton } from "../../runtime";
import type { Provider } from "../types";

export type IgnoredReason = "no_connection" | "disabled";

function ignoredCounter(): Counter<"provider" | "reason"> {
  return processSingleton(
    "metrics:webhook-ignored",
    () =>
      new Counter({
        name: "bastion_webhook_ignored_total",
        help: "Verified app-level webhooks that no active connection takes, by provider and reason",
        labelNames: ["provider", "reason"],
        registers: [metrics().registry],
      }),
  );
}

export function recordIgnored(provider: Provider, reason: IgnoredReason): void {
  ignoredCounter().inc({ provider, reason });
}
