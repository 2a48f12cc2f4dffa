// GET /api/v1/orgs/[slug]/integrations/[connectionId]/deliveries?status=&cursor=&limit=: the connection's delivery log, newest first.
import { connectionParams } from "@/lib/integrations/connections/schemas";
import { listDeliveries } from "@/lib/integrations/deliveries/queries";
import { listDeliveriesQuery } from "@/lib/integrations/deliveries/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "both", permission: "integrations:read", schemas: { params: connectionParams, query: listDeliveriesQuery } }, async (ctx) =>
  listDeliveries(orgContext(ctx), ctx.params.connectionId, ctx.query),
);
