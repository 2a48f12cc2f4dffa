// POST /api/v1/orgs/[slug]/secrets/rotate-data-key: a new org data key; values are re-encrypted in the background.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { rotateOrgDataKey } from "@/lib/secrets/rotate-data-key";
import { secretsParams } from "@/lib/secrets/schemas";

export const POST = route({ auth: "both", permission: "org:update", schemas: { params: secretsParams } }, async (ctx) =>
  Response.json(await rotateOrgDataKey(orgContext(ctx)), { status: 202 }),
);
