// The process's Prometheus registry and the metrics other modules increment. One
// registry per process (processSingleton), because Next's bundle and the scripts each
// load their own copy of lib/ and prom-client refuses duplicate metric names.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { processSingleton } from "../runtime";

type Metrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route" | "status">;
  rateLimitDecisions: Counter<"decision">;
  jobFailures: Counter<"task" | "outcome">;
};

export function metrics(): Metrics {
  return processSingleton("metrics", () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "bastion_" });
    return {
      registry,
      httpRequests: new Counter({
        name: "bastion_http_requests_total",
        help: "API requests by method, route template and status",
        labelNames: ["method", "route", "status"],
        registers: [registry],
      }),
      httpDuration: new Histogram({
        name: "bastion_http_request_duration_seconds",
        help: "API request duration by method, route template and status",
        labelNames: ["method", "route", "status"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
      rateLimitDecisions: new Counter({
        name: "bastion_rate_limit_decisions_total",
        help: "Rate-limit checks by decision",
        labelNames: ["decision"],
        registers: [registry],
      }),
      jobFailures: new Counter({
        name: "bastion_job_failures_total",
        help: "Failed job attempts in this process by task and outcome (retry or dead)",
        labelNames: ["task", "outcome"],
        registers: [registry],
      }),
    };
  });
}

/** Called by the rate limiter on every check. */
export const rateLimitDecisions = {
  inc(labels: { decision: "allowed" | "limited" }): void {
    metrics().rateLimitDecisions.inc(labels);
  },
};
