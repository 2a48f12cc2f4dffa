// POST /api/v1/orgs/[slug]/secrets/import/preview { content }: the keys a .env import would create, and conflicts (no values).
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { previewImport } from "@/lib/secrets/import";
import { importSchema, secretsParams } from "@/lib/secrets/schemas";

export const POST = route({ auth: "both", permission: "secrets:write", bodyLimit: 2 * 1024 * 1024, schemas: { params: secretsParams, body: importSchema } }, async (ctx) =>
  previewImport(orgContext(ctx), ctx.body),
);
