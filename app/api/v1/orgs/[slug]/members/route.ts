// GET /api/v1/orgs/[slug]/members?query=&cursor=&limit=: members, searched and paginated.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { listMembers } from "@/lib/members/list";
import { listMembersQuery } from "@/lib/members/schemas";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "members:read", schemas: { params: slugParams, query: listMembersQuery } }, async (ctx) =>
  listMembers(orgContext(ctx).org.id, ctx.query),
);
