// GET /api/v1/orgs/[slug]/usage?days=30: API requests per day (UTC), oldest first.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";
import { usageQuery } from "@/lib/usage/schemas";
import { usageByDay } from "@/lib/usage/usage";

export const GET = route({ auth: "both", permission: "org:read", schemas: { params: slugParams, query: usageQuery } }, async (ctx) =>
  usageByDay(orgContext(ctx).org.id, ctx.query.days),
);
