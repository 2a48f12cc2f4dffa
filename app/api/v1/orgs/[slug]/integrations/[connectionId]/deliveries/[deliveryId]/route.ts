// GET /api/v1/orgs/[slug]/integrations/[connectionId]/deliveries/[deliveryId]: one delivery with its (redacted) headers and payload.
import { getDeliveryOrThrow } from "@/lib/integrations/deliveries/queries";
import { deliveryParams } from "@/lib/integrations/deliveries/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "both", permission: "integrations:read", schemas: { params: deliveryParams } }, async (ctx) =>
  getDeliveryOrThrow(orgContext(ctx), ctx.params.connectionId, ctx.params.deliveryId),
);
