// GET, POST /api/v1/orgs/[slug]/api-keys: list the org's keys; create one (its secret is in this answer only).
import { createApiKey, listApiKeys } from "@/lib/api-keys/manage";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "session", permission: "api-keys:manage", schemas: { params: slugParams } }, async (ctx) => listApiKeys(orgContext(ctx).org.id));

export const POST = route({ auth: "session", permission: "api-keys:manage", schemas: { params: slugParams, body: createApiKeySchema } }, async (ctx) =>
  Response.json(await createApiKey(orgContext(ctx), ctx.body), { status: 201 }),
);
