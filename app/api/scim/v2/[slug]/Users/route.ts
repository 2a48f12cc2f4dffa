// GET, POST /api/scim/v2/[slug]/Users: list (filter, startIndex, count); provision a user.
import { scimContext, scimResourceBody, scimSlugParams } from "@/lib/scim/request";
import { listQuery, scimJson } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";
import { createScimUser, listScimUsers } from "@/lib/scim/users";

export const GET = scimRoute({ schemas: { params: scimSlugParams, query: listQuery } }, async (ctx) => scimJson(await listScimUsers(scimContext(ctx), ctx.query)));

export const POST = scimRoute({ schemas: { params: scimSlugParams, body: scimResourceBody } }, async (ctx) => scimJson(await createScimUser(scimContext(ctx), ctx.body), 201));
