// POST /api/v1/account/email/confirm: apply the change with the emailed token.
import { confirmEmailChange } from "@/lib/account/email-change";
import { confirmEmailChangeBody } from "@/lib/account/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../../account-actor";

export const POST = route({ auth: "session", schemas: { body: confirmEmailChangeBody } }, async (ctx) =>
  confirmEmailChange(accountActor(ctx), ctx.body.token),
);
