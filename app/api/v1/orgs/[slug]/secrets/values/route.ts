// GET /api/v1/orgs/[slug]/secrets/values?environment=production: { KEY: value } for a deployment pipeline, audited.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { fetchValues } from "@/lib/secrets/reveal";
import { environmentQuery, secretsParams } from "@/lib/secrets/schemas";

export const GET = route({ auth: "both", permission: "secrets:reveal", schemas: { params: secretsParams, query: environmentQuery } }, async (ctx) =>
  Response.json(await fetchValues(orgContext(ctx), ctx.query.environment), { headers: { "cache-control": "no-store" } }),
);
