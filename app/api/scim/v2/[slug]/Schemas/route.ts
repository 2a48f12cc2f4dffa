// GET /api/scim/v2/[slug]/Schemas: the User, Group and enterprise User schemas.
import { schemas } from "@/lib/scim/discovery";
import { scimContext, scimSlugParams } from "@/lib/scim/request";
import { scimJson } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute({ schemas: { params: scimSlugParams } }, async (ctx) => scimJson(schemas(scimContext(ctx).slug)));
