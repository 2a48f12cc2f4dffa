// POST /api/v1/orgs/[slug]/leave: the caller leaves the org (refused for the last owner).
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { leaveOrg } from "@/lib/members/manage";
import { slugParams } from "@/lib/orgs/schemas";

export const POST = route({ auth: "session", permission: "org:read", schemas: { params: slugParams } }, async (ctx) => {
  await leaveOrg(orgContext(ctx));
  return new Response(null, { status: 204 });
});
