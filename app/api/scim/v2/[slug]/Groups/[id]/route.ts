// GET, PUT, PATCH, DELETE /api/scim/v2/[slug]/Groups/[id]: read, replace, patch members or rename, delete.
import type { ScimPatchOperation } from "scim-patch";
import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from "@/lib/scim/groups";
import { scimContext, scimPatchBody, scimResourceBody, scimResourceParams } from "@/lib/scim/request";
import { listQuery, scimJson } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute({ schemas: { params: scimResourceParams, query: listQuery } }, async (ctx) =>
  scimJson(await getScimGroup(scimContext(ctx), ctx.params.id, { members: !/\bmembers\b/i.test(ctx.query.excludedAttributes ?? "") })),
);

export const PUT = scimRoute({ schemas: { params: scimResourceParams, body: scimResourceBody } }, async (ctx) => scimJson(await replaceScimGroup(scimContext(ctx), ctx.params.id, ctx.body)));

export const PATCH = scimRoute({ schemas: { params: scimResourceParams, body: scimPatchBody } }, async (ctx) =>
  scimJson(await patchScimGroup(scimContext(ctx), ctx.params.id, ctx.body.Operations as ScimPatchOperation[])),
);

export const DELETE = scimRoute({ schemas: { params: scimResourceParams } }, async (ctx) => {
  await deleteScimGroup(scimContext(ctx), ctx.params.id);
  return new Response(null, { status: 204 });
});
