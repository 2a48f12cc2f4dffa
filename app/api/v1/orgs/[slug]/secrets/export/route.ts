// GET /api/v1/orgs/[slug]/secrets/export?environment=…: the values as a .env file download, audited.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { exportDotenv } from "@/lib/secrets/reveal";
import { environmentQuery, secretsParams } from "@/lib/secrets/schemas";

export const GET = route({ auth: "both", permission: "secrets:reveal", schemas: { params: secretsParams, query: environmentQuery } }, async (ctx) => {
  const name = `${ctx.params.slug}${ctx.query.environment ? `.${ctx.query.environment}` : ""}.env`;
  return new Response(await exportDotenv(orgContext(ctx), ctx.query.environment), {
    headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});
