// POST /api/v1/orgs/[slug]/invitations/[invitationId]/resend: new token, 7 more days, email sent again.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { resendInvitation } from "@/lib/invitations/manage";
import { invitationParams } from "@/lib/invitations/schemas";

export const POST = route({ auth: "session", permission: "members:invite", schemas: { params: invitationParams } }, async (ctx) =>
  resendInvitation(orgContext(ctx), ctx.params.invitationId),
);
