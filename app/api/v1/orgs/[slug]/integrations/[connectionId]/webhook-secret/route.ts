// POST /api/v1/orgs/[slug]/integrations/[connectionId]/webhook-secret: a new webhook secret, returned this once.
import { connectionParams } from "@/lib/integrations/connections/schemas";
import { rotateWebhookSecret } from "@/lib/integrations/connections/webhook-secret";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "both", permission: "integrations:manage", schemas: { params: connectionParams } }, async (ctx) =>
  rotateWebhookSecret(orgContext(ctx), ctx.params.connectionId),
);
