// POST /api/v1/orgs/[slug]/integrations/[connectionId]/webhook-secret: a new webhook secret, returned this once.
// PUT  …/webhook-secret { secret }: sets a secret the provider issued (Linear's signing secret); never echoed.
import { connectionParams, setWebhookSecretSchema } from "@/lib/integrations/connections/schemas";
import { rotateWebhookSecret, setWebhookSecret } from "@/lib/integrations/connections/webhook-secret";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "both", permission: "integrations:manage", schemas: { params: connectionParams } }, async (ctx) =>
  rotateWebhookSecret(orgContext(ctx), ctx.params.connectionId),
);

export const PUT = route({ auth: "both", permission: "integrations:manage", schemas: { params: connectionParams, body: setWebhookSecretSchema } }, async (ctx) =>
  setWebhookSecret(orgContext(ctx), ctx.params.connectionId, ctx.body.secret),
);
