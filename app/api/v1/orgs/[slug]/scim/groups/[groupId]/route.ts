// PATCH /api/v1/orgs/[slug]/scim/groups/[groupId]: link a pushed group to a role (null unlinks).
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { linkGroupRole } from "@/lib/scim/directory";
import { linkGroupSchema, scimGroupParams } from "@/lib/scim/schemas";

export const PATCH = route({ auth: "session", permission: "sso:manage", schemas: { params: scimGroupParams, body: linkGroupSchema } }, async (ctx) =>
  linkGroupRole(orgContext(ctx), ctx.params.groupId, ctx.body.role),
);
