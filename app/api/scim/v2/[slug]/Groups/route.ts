// GET, POST /api/scim/v2/[slug]/Groups: list (filter, startIndex, count, excludedAttributes=members); push a group.
import { createScimGroup, listScimGroups } from "@/lib/scim/groups";
import { scimContext, scimResourceBody, scimSlugParams } from "@/lib/scim/request";
import { listQuery, scimJson } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute({ schemas: { params: scimSlugParams, query: listQuery } }, async (ctx) => scimJson(await listScimGroups(scimContext(ctx), ctx.query)));

export const POST = scimRoute({ schemas: { params: scimSlugParams, body: scimResourceBody } }, async (ctx) => scimJson(await createScimGroup(scimContext(ctx), ctx.body), 201));
