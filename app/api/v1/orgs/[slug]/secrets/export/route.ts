// GET /api/v1/orgs/[slug]/secrets/export?environment=…: the values as a .env file download, audited.
// Keys whose stored value does not decrypt are left out and named in X-Bastion-Skipped.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { exportDotenv, skippedHeader } from "@/lib/secrets/reveal";
import { environmentQuery, secretsParams } from "@/lib/secrets/schemas";

export const GET = route({ auth: "both", permission: "secrets:reveal", schemas: { params: secretsParams, query: environmentQuery } }, async (ctx) => {
  const name = `${ctx.params.slug}${ctx.query.environment ? `.${ctx.query.environment}` : ""}.env`;
  const { content, skipped } = await exportDotenv(orgContext(ctx), ctx.query.environment);
  return new Response(content, {
    headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store", ...skippedHeader(skipped) },
  });
});
