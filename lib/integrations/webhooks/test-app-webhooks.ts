// The app-level webhook routes (/api/webhooks/github, /api/webhooks/slack) as the GitHub
// App and the Slack app call them, for the app-level ingestion tests. lib/env reads the
// environment once per module instance, so loadAppWebhookRoutes() sets the apps' secrets
// (or leaves them unset) and imports fresh route modules.
import { randomInt } from "node:crypto";
import { vi } from "vitest";
import { getDb } from "../../db";
import { metrics } from "../../metrics/registry";
import type { WebhookAnswer } from "./test-webhooks";

type Handler = (request: Request) => Promise<Response>;

export async function loadAppWebhookRoutes(secrets: { github?: string; slack?: string }) {
  vi.stubEnv("GITHUB_APP_WEBHOOK_SECRET", secrets.github ?? "");
  vi.stubEnv("SLACK_SIGNING_SECRET", secrets.slack ?? "");
  vi.resetModules();
  const github = (await import("@/app/api/webhooks/github/route")).POST as Handler;
  const slack = (await import("@/app/api/webhooks/slack/route")).POST as Handler;
  const post = async (handler: Handler, path: string, body: string, headers: Record<string, string>): Promise<WebhookAnswer> => {
    const response = await handler(new Request(`http://localhost:3000${path}`, { method: "POST", headers, body }));
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return {
    postGithub: (body: string, headers: Record<string, string>) => post(github, "/api/webhooks/github", body, headers),
    postSlack: (body: string, headers: Record<string, string>) => post(slack, "/api/webhooks/slack", body, headers),
  };
}

/** An id no other suite uses in the shared database (installation ids, Slack team ids). */
export function uniqueInstallationId(): number {
  return randomInt(1_000_000_000, 2_000_000_000);
}

/** Every stored delivery with this provider delivery id, whichever connection it went to. */
export function deliveriesWithId(deliveryId: string) {
  return getDb().webhookDelivery.findMany({ where: { deliveryId } });
}

export async function ignoredCount(provider: string, reason: string): Promise<number> {
  const metric = await metrics().registry.getSingleMetric("bastion_webhook_ignored_total")?.get();
  return metric?.values.find((value) => value.labels.provider === provider && value.labels.reason === reason)?.value ?? 0;
}
