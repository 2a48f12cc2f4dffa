// POST /api/v1/orgs/[slug]/integrations/[connectionId]/deliveries/[deliveryId]/redeliver: process the delivery again (202, queued).
import { redeliverDelivery } from "@/lib/integrations/deliveries/redeliver";
import { deliveryParams } from "@/lib/integrations/deliveries/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "both", permission: "integrations:manage", schemas: { params: deliveryParams } }, async (ctx) =>
  Response.json(await redeliverDelivery(orgContext(ctx), ctx.params.connectionId, ctx.params.deliveryId), { status: 202 }),
);
