// DELETE /api/v1/orgs/[slug]/domains/[domainId]: stop claiming a domain.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { removeDomain } from "@/lib/orgs/domains";
import { domainParams } from "@/lib/orgs/schemas";

export const DELETE = route({ auth: "session", permission: "org:update", schemas: { params: domainParams } }, async (ctx) => {
  await removeDomain(orgContext(ctx), ctx.params.domainId);
  return new Response(null, { status: 204 });
});
