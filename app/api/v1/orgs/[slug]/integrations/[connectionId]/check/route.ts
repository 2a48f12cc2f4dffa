// POST /api/v1/orgs/[slug]/integrations/[connectionId]/check: calls the provider with the stored credentials → { ok, error, connection }.
import { checkConnection } from "@/lib/integrations/connections/check";
import { connectionParams } from "@/lib/integrations/connections/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "both", permission: "integrations:manage", schemas: { params: connectionParams } }, async (ctx) =>
  checkConnection(orgContext(ctx), ctx.params.connectionId),
);
