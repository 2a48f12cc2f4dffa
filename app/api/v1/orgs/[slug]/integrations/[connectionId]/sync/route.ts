// POST /api/v1/orgs/[slug]/integrations/[connectionId]/sync: queues a sync of its resources → 202 { jobId }.
import { connectionParams } from "@/lib/integrations/connections/schemas";
import { requestSync } from "@/lib/integrations/sync/request";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "both", permission: "integrations:manage", schemas: { params: connectionParams } }, async (ctx) =>
  Response.json(await requestSync(orgContext(ctx), ctx.params.connectionId), { status: 202 }),
);
