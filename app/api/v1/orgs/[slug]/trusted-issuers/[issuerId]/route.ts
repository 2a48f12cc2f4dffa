// DELETE /api/v1/orgs/[slug]/trusted-issuers/[issuerId]: stop accepting the issuer's tokens (at once).
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { deleteTrustedIssuer } from "@/lib/trusted-issuers/manage";
import { trustedIssuerParams } from "@/lib/trusted-issuers/schemas";

export const DELETE = route({ auth: "session", permission: "sso:manage", schemas: { params: trustedIssuerParams } }, async (ctx) => {
  await deleteTrustedIssuer(orgContext(ctx), ctx.params.issuerId);
  return new Response(null, { status: 204 });
});
