// POST /api/v1/invitations/lookup { token }: what an invitation link offers (org, role, status).
import { route } from "@/lib/http/route";
import { describeInvitation } from "@/lib/invitations/accept";
import { invitationTokenBody } from "@/lib/invitations/schemas";

export const POST = route({ auth: "none", csrf: true, schemas: { body: invitationTokenBody } }, async (ctx) => describeInvitation(ctx.body.token));
