// POST /api/webhooks/slack: the Slack app's Request URL (Events API, interactivity, slash
// commands), one for every workspace. Signed with SLACK_SIGNING_SECRET (unset: 404),
// url_verification answered at once, routed by team id to the workspace's connections.
// Refusals as on the per-connection URL; a request from a workspace no org has connected
// answers 200 and is only counted (Slack retries any other answer).
import { env } from "@/lib/env";
import { readRawBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { appWebhook } from "@/lib/integrations/providers/slack/app-webhook";
import { appWebhookSecret, ingestAppWebhook } from "@/lib/integrations/webhooks/app-ingest";
import { webhookAnswer } from "@/lib/integrations/webhooks/answer";
import { appWebhookLimits } from "@/lib/integrations/webhooks/rate-limit";

export const POST = route({ auth: "none", limits: appWebhookLimits }, async ({ request }) => {
  const secret = appWebhookSecret(appWebhook);
  const rawBody = await readRawBody(request, env().INTEGRATIONS_WEBHOOK_MAX_BYTES);
  return webhookAnswer(await ingestAppWebhook(appWebhook, secret, { headers: request.headers, rawBody, now: new Date() }));
});
