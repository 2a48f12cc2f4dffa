// DELETE /api/v1/orgs/[slug]/invitations/[invitationId]: revoke a pending invitation.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { revokeInvitation } from "@/lib/invitations/manage";
import { invitationParams } from "@/lib/invitations/schemas";

export const DELETE = route({ auth: "session", permission: "members:invite", schemas: { params: invitationParams } }, async (ctx) => {
  await revokeInvitation(orgContext(ctx), ctx.params.invitationId);
  return new Response(null, { status: 204 });
});
