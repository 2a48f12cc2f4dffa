// GET, PUT, PATCH, DELETE /api/scim/v2/[slug]/Users/[id]: read, replace, patch (active:false
// deprovisions at once), delete (ends the membership).
import type { ScimPatchOperation } from "scim-patch";
import { scimContext, scimPatchBody, scimResourceBody, scimResourceParams } from "@/lib/scim/request";
import { scimJson } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from "@/lib/scim/users";

export const GET = scimRoute({ schemas: { params: scimResourceParams } }, async (ctx) => scimJson(await getScimUser(scimContext(ctx), ctx.params.id)));

export const PUT = scimRoute({ schemas: { params: scimResourceParams, body: scimResourceBody } }, async (ctx) => scimJson(await replaceScimUser(scimContext(ctx), ctx.params.id, ctx.body)));

export const PATCH = scimRoute({ schemas: { params: scimResourceParams, body: scimPatchBody } }, async (ctx) =>
  scimJson(await patchScimUser(scimContext(ctx), ctx.params.id, ctx.body.Operations as ScimPatchOperation[])),
);

export const DELETE = scimRoute({ schemas: { params: scimResourceParams } }, async (ctx) => {
  await deleteScimUser(scimContext(ctx), ctx.params.id);
  return new Response(null, { status: 204 });
});
