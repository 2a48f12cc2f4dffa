// POST /api/v1/invitations/accept { token }: the signed-in user joins the org.
import { userContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { acceptInvitation } from "@/lib/invitations/accept";
import { invitationTokenBody } from "@/lib/invitations/schemas";

export const POST = route({ auth: "session", schemas: { body: invitationTokenBody } }, async (ctx) => acceptInvitation(userContext(ctx), ctx.body.token));
