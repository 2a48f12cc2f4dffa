// GET /api/v1/orgs/[slug]/invitations: pending invitations. POST: invite by email or create a link.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { createInvitation } from "@/lib/invitations/create";
import { listPendingInvitations } from "@/lib/invitations/manage";
import { createInvitationBody } from "@/lib/invitations/schemas";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "members:read", schemas: { params: slugParams } }, async (ctx) => ({
  items: await listPendingInvitations(orgContext(ctx).org.id),
}));

export const POST = route({ auth: "session", permission: "members:invite", schemas: { params: slugParams, body: createInvitationBody } }, async (ctx) =>
  Response.json(await createInvitation(orgContext(ctx), ctx.body), { status: 201 }),
);
