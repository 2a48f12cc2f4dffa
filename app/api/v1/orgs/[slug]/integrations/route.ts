// GET /api/v1/orgs/[slug]/integrations: connections (never credentials) and which OAuth connects are available. POST: connect with credentials.
import { connectWithCredentials } from "@/lib/integrations/connections/connect";
import { oauthAvailability } from "@/lib/integrations/connections/oauth-start";
import { listConnections } from "@/lib/integrations/connections/queries";
import { connectSchema, integrationsParams } from "@/lib/integrations/connections/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "both", permission: "integrations:read", schemas: { params: integrationsParams } }, async (ctx) => ({
  items: await listConnections(orgContext(ctx)),
  oauth: oauthAvailability(),
}));

// The webhook secret in this answer is shown this once.
export const POST = route({ auth: "both", permission: "integrations:manage", schemas: { params: integrationsParams, body: connectSchema } }, async (ctx) =>
  Response.json(await connectWithCredentials(orgContext(ctx), ctx.body), { status: 201 }),
);
