// POST /api/v1/orgs/[slug]/secrets/[secretId]/undelete: bring back a deleted secret (within 30 days).
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { secretParams } from "@/lib/secrets/schemas";
import { undeleteSecret } from "@/lib/secrets/secrets";

export const POST = route({ auth: "both", permission: "secrets:write", schemas: { params: secretParams } }, async (ctx) =>
  undeleteSecret(orgContext(ctx), ctx.params.secretId),
);
