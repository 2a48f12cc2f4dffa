// POST /api/v1/orgs/[slug]/secrets/[secretId]/versions/[version]/restore: a new version with that version's value.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { versionParams } from "@/lib/secrets/schemas";
import { restoreVersion } from "@/lib/secrets/versions";

export const POST = route({ auth: "both", permission: "secrets:write", schemas: { params: versionParams } }, async (ctx) =>
  restoreVersion(orgContext(ctx), ctx.params.secretId, ctx.params.version),
);
