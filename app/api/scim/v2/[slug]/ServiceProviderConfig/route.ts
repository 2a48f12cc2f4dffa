// GET /api/scim/v2/[slug]/ServiceProviderConfig: what this SCIM service supports.
import { serviceProviderConfig } from "@/lib/scim/discovery";
import { scimContext, scimSlugParams } from "@/lib/scim/request";
import { scimJson } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute({ schemas: { params: scimSlugParams } }, async (ctx) => scimJson(serviceProviderConfig(scimContext(ctx).slug)));
