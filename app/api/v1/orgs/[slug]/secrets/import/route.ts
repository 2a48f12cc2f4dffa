// POST /api/v1/orgs/[slug]/secrets/import { content, environment?, overwrite }: import a .env file in one transaction.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { commitImport } from "@/lib/secrets/import";
import { importSchema, secretsParams } from "@/lib/secrets/schemas";

export const POST = route({ auth: "both", permission: "secrets:write", bodyLimit: 2 * 1024 * 1024, schemas: { params: secretsParams, body: importSchema } }, async (ctx) =>
  commitImport(orgContext(ctx), ctx.body),
);
