// GET /api/v1/orgs/[slug]/secrets: secrets (never values), with search and environment filter. POST: create one.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { createSecretSchema, listSecretsQuery, secretsParams } from "@/lib/secrets/schemas";
import { createSecret, listSecrets } from "@/lib/secrets/secrets";

export const GET = route({ auth: "both", permission: "secrets:read", schemas: { params: secretsParams, query: listSecretsQuery } }, async (ctx) => ({
  items: await listSecrets(orgContext(ctx), ctx.query),
}));

export const POST = route({ auth: "both", permission: "secrets:write", schemas: { params: secretsParams, body: createSecretSchema } }, async (ctx) =>
  Response.json(await createSecret(orgContext(ctx), ctx.body), { status: 201 }),
);
