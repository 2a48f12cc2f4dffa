// DELETE /api/v1/orgs/[slug]/api-keys/[keyId]: revoke a key (it answers 401 from the next request on).
import { revokeApiKey } from "@/lib/api-keys/manage";
import { apiKeyParams } from "@/lib/api-keys/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const DELETE = route({ auth: "session", permission: "api-keys:manage", schemas: { params: apiKeyParams } }, async (ctx) => ({
  apiKey: await revokeApiKey(orgContext(ctx), ctx.params.keyId),
}));
