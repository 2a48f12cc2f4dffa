// GET /api/v1/orgs/[slug]/secrets/[secretId]/versions: the version history, newest first (no values).
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { secretParams } from "@/lib/secrets/schemas";
import { listVersions } from "@/lib/secrets/versions";

export const GET = route({ auth: "both", permission: "secrets:read", schemas: { params: secretParams } }, async (ctx) => ({
  items: await listVersions(orgContext(ctx), ctx.params.secretId),
}));
