// POST /api/v1/orgs/[slug]/secrets/[secretId]/reveal { version? }: the value, audited (POST so it is never cached or prefetched).
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { revealSecret } from "@/lib/secrets/reveal";
import { revealSchema, secretParams } from "@/lib/secrets/schemas";

export const POST = route({ auth: "both", permission: "secrets:reveal", schemas: { params: secretParams, body: revealSchema } }, async (ctx) =>
  Response.json(await revealSecret(orgContext(ctx), ctx.params.secretId, ctx.body.version), { headers: { "cache-control": "no-store" } }),
);
