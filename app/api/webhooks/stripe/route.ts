// POST /api/webhooks/stripe: Stripe's events, signed with STRIPE_WEBHOOK_SECRET (billing
// off: 404). Verified on the raw body, stored once with its job, answered 200; refusals
// 401 (nothing stored), an unusable body 400, too large 413.
import { ingestStripeWebhook, stripeWebhookSecret } from "@/lib/billing/webhook";
import { env } from "@/lib/env";
import { readRawBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { appWebhookLimits } from "@/lib/integrations/webhooks/rate-limit";

export const POST = route({ auth: "none", limits: appWebhookLimits }, async ({ request }) => {
  const secret = stripeWebhookSecret();
  const rawBody = await readRawBody(request, env().INTEGRATIONS_WEBHOOK_MAX_BYTES);
  const outcome = await ingestStripeWebhook(rawBody, request.headers.get("stripe-signature"), secret);
  return Response.json({ received: true, ...(outcome === "duplicate" ? { duplicate: true } : {}) }, { status: 200 });
});
