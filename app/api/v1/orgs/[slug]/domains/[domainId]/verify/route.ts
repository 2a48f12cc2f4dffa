// POST /api/v1/orgs/[slug]/domains/[domainId]/verify: look up the TXT record and mark the domain verified.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { systemTxtResolver } from "@/lib/orgs/dns";
import { verifyDomain } from "@/lib/orgs/domains";
import { domainParams } from "@/lib/orgs/schemas";

export const POST = route({ auth: "session", permission: "org:update", schemas: { params: domainParams } }, async (ctx) =>
  verifyDomain(orgContext(ctx), ctx.params.domainId, systemTxtResolver()),
);
