// POST /api/webhooks/<provider>/<connectionId>: a provider delivering a webhook. No
// session or key: the provider's signature on the raw body is the credential. Order of
// refusals: unknown endpoint 404, disabled connection 410, body over
// INTEGRATIONS_WEBHOOK_MAX_BYTES 413, unverifiable 401, verified but unusable 400.
// A stored delivery answers 202 (its job is queued), a duplicate 200.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { env } from "@/lib/env";
import { readRawBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { webhookAnswer } from "@/lib/integrations/webhooks/answer";
import { ingestWebhook } from "@/lib/integrations/webhooks/ingest";
import { webhookLimits } from "@/lib/integrations/webhooks/rate-limit";
import { findWebhookTarget } from "@/lib/integrations/webhooks/target";

const params = z.object({ provider: text(), connectionId: text() });

export const POST = route({ auth: "none", limits: webhookLimits, schemas: { params } }, async ({ params, request }) => {
  const target = await findWebhookTarget(params.provider, params.connectionId);
  const rawBody = await readRawBody(request, env().INTEGRATIONS_WEBHOOK_MAX_BYTES);
  return webhookAnswer(await ingestWebhook(target, { headers: request.headers, rawBody, now: new Date() }));
});
