// GET, PATCH, DELETE /api/v1/orgs/[slug]: read, update (name, slug, audit retention), soft-delete.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { deleteOrg, getOrg, updateOrg } from "@/lib/orgs/orgs";
import { deleteOrgSchema, slugParams, updateOrgSchema } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "org:read", schemas: { params: slugParams } }, async (ctx) => getOrg(orgContext(ctx)));

export const PATCH = route({ auth: "session", permission: "org:update", schemas: { params: slugParams, body: updateOrgSchema } }, async (ctx) =>
  updateOrg(orgContext(ctx), ctx.body),
);

export const DELETE = route({ auth: "session", permission: "org:delete", schemas: { params: slugParams, body: deleteOrgSchema } }, async (ctx) =>
  deleteOrg(orgContext(ctx), ctx.body.confirmation),
);
