// GET /api/v1/orgs/[slug]/billing: the plan in force, the subscription and use against the plan's limits.
import { billingSummary } from "@/lib/billing/summary";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "billing:read", schemas: { params: slugParams } }, async (ctx) => billingSummary(orgContext(ctx).org.id));
