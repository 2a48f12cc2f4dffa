// GET /api/scim/v2/[slug]/ResourceTypes: User and Group.
import { resourceTypes } from "@/lib/scim/discovery";
import { scimContext, scimSlugParams } from "@/lib/scim/request";
import { scimJson } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute({ schemas: { params: scimSlugParams } }, async (ctx) => scimJson(resourceTypes(scimContext(ctx).slug)));
