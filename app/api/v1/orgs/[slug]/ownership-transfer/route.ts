// GET: the pending ownership offer. POST { toUserId }: an owner offers ownership. DELETE: cancel it.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { cancelOwnershipTransfer, offerOwnershipTransfer, pendingOwnershipTransfer } from "@/lib/members/ownership";
import { transferBody } from "@/lib/members/schemas";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "session", permission: "members:read", schemas: { params: slugParams } }, async (ctx) => ({
  pending: await pendingOwnershipTransfer(orgContext(ctx).org.id),
}));

export const POST = route({ auth: "session", permission: "org:delete", schemas: { params: slugParams, body: transferBody } }, async (ctx) =>
  offerOwnershipTransfer(orgContext(ctx), ctx.body.toUserId),
);

export const DELETE = route({ auth: "session", permission: "org:delete", schemas: { params: slugParams } }, async (ctx) => {
  await cancelOwnershipTransfer(orgContext(ctx));
  return new Response(null, { status: 204 });
});
