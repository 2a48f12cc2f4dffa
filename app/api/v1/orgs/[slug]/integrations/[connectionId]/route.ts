// GET /api/v1/orgs/[slug]/integrations/[connectionId]: one connection. PATCH { name?, status? }: rename, disable or enable. DELETE: disconnect (credentials destroyed).
import { getDb } from "@/lib/db";
import { disconnect } from "@/lib/integrations/connections/disconnect";
import { presentConnection } from "@/lib/integrations/connections/present";
import { getConnectionOrThrow } from "@/lib/integrations/connections/queries";
import { connectionParams, updateConnectionSchema } from "@/lib/integrations/connections/schemas";
import { updateConnection } from "@/lib/integrations/connections/update";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "both", permission: "integrations:read", schemas: { params: connectionParams } }, async (ctx) =>
  presentConnection(await getConnectionOrThrow(getDb(), orgContext(ctx), ctx.params.connectionId)),
);

export const PATCH = route({ auth: "both", permission: "integrations:manage", schemas: { params: connectionParams, body: updateConnectionSchema } }, async (ctx) =>
  updateConnection(orgContext(ctx), ctx.params.connectionId, ctx.body),
);

export const DELETE = route({ auth: "both", permission: "integrations:manage", schemas: { params: connectionParams } }, async (ctx) => {
  await disconnect(orgContext(ctx), ctx.params.connectionId);
  return new Response(null, { status: 204 });
});
