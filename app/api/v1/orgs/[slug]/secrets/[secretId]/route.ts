// GET /api/v1/orgs/[slug]/secrets/[secretId]: one secret (no value). PATCH: change it (a new version). DELETE: soft delete.
import { getDb } from "@/lib/db";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { presentSecret } from "@/lib/secrets/present";
import { secretParams, updateSecretSchema } from "@/lib/secrets/schemas";
import { deleteSecret, getSecretOrThrow, updateSecret } from "@/lib/secrets/secrets";

export const GET = route({ auth: "both", permission: "secrets:read", schemas: { params: secretParams } }, async (ctx) =>
  presentSecret(await getSecretOrThrow(getDb(), orgContext(ctx), ctx.params.secretId)),
);

export const PATCH = route({ auth: "both", permission: "secrets:write", schemas: { params: secretParams, body: updateSecretSchema } }, async (ctx) =>
  updateSecret(orgContext(ctx), ctx.params.secretId, ctx.body),
);

export const DELETE = route({ auth: "both", permission: "secrets:write", schemas: { params: secretParams } }, async (ctx) =>
  deleteSecret(orgContext(ctx), ctx.params.secretId),
);
