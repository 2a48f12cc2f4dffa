// GET /api/v1/orgs/[slug]/activity?source=&cursor=&limit=: the activity feed (provider events and Bastion's own), newest first.
import { listOrgEvents } from "@/lib/integrations/events/feed";
import { activityQuery } from "@/lib/integrations/events/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "integrations:read", schemas: { params: slugParams, query: activityQuery } }, async (ctx) =>
  listOrgEvents(orgContext(ctx), ctx.query),
);
