// GET /api/v1/orgs/[slug]/secrets/values?environment=production: { KEY: value } for a deployment pipeline, audited.
// Keys whose stored value does not decrypt are left out and named in X-Bastion-Skipped.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { fetchValues, skippedHeader } from "@/lib/secrets/reveal";
import { environmentQuery, secretsParams } from "@/lib/secrets/schemas";

export const GET = route({ auth: "both", permission: "secrets:reveal", schemas: { params: secretsParams, query: environmentQuery } }, async (ctx) => {
  const { values, skipped } = await fetchValues(orgContext(ctx), ctx.query.environment);
  return Response.json(values, { headers: { "cache-control": "no-store", ...skippedHeader(skipped) } });
});
