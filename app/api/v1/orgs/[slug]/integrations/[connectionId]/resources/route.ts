// GET /api/v1/orgs/[slug]/integrations/[connectionId]/resources?kind=: what the last sync found.
import { listResources } from "@/lib/integrations/connections/queries";
import { connectionParams, resourcesQuery } from "@/lib/integrations/connections/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "both", permission: "integrations:read", schemas: { params: connectionParams, query: resourcesQuery } }, async (ctx) => ({
  items: await listResources(orgContext(ctx), ctx.params.connectionId, ctx.query),
}));
