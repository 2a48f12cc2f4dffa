// POST /api/v1/orgs/[slug]/ownership-transfer/accept: the offered member accepts ownership.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { acceptOwnershipTransfer } from "@/lib/members/ownership";
import { slugParams } from "@/lib/orgs/schemas";

export const POST = route({ auth: "session", permission: "org:read", schemas: { params: slugParams } }, async (ctx) => {
  await acceptOwnershipTransfer(orgContext(ctx));
  return new Response(null, { status: 204 });
});
