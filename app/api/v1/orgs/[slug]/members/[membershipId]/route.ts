// PATCH /api/v1/orgs/[slug]/members/[membershipId]: change the role. DELETE: remove the member.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { changeRole, removeMember } from "@/lib/members/manage";
import { changeRoleBody, memberParams } from "@/lib/members/schemas";

export const PATCH = route({ auth: "session", permission: "members:update", schemas: { params: memberParams, body: changeRoleBody } }, async (ctx) =>
  changeRole(orgContext(ctx), ctx.params.membershipId, ctx.body.role),
);

export const DELETE = route({ auth: "session", permission: "members:remove", schemas: { params: memberParams } }, async (ctx) => {
  await removeMember(orgContext(ctx), ctx.params.membershipId);
  return new Response(null, { status: 204 });
});
