// POST /api/webhooks/github: the GitHub App's webhook URL, one for every installation.
// Signed with GITHUB_APP_WEBHOOK_SECRET (unset: 404), routed by `installation.id` to the
// org that connected the installation. Refusals as on the per-connection URL (413, 401,
// 400); a delivery for an installation no org has connected answers 202 and is only counted.
import { env } from "@/lib/env";
import { readRawBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { appWebhook } from "@/lib/integrations/providers/github/app-webhook";
import { appWebhookSecret, ingestAppWebhook } from "@/lib/integrations/webhooks/app-ingest";
import { webhookAnswer } from "@/lib/integrations/webhooks/answer";
import { appWebhookLimits } from "@/lib/integrations/webhooks/rate-limit";

export const POST = route({ auth: "none", limits: appWebhookLimits }, async ({ request }) => {
  const secret = appWebhookSecret(appWebhook);
  const rawBody = await readRawBody(request, env().INTEGRATIONS_WEBHOOK_MAX_BYTES);
  return webhookAnswer(await ingestAppWebhook(appWebhook, secret, { headers: request.headers, rawBody, now: new Date() }));
});
