// POST /api/v1/account/mfa/totp/confirm: the first code from the app turns TOTP on;
// answers the recovery codes once when the account had none.
import { confirmTotpEnrollment } from "@/lib/auth/mfa/factors";
import { confirmTotpBody } from "@/lib/auth/mfa/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../../../account-actor";

export const POST = route({ auth: "session", schemas: { body: confirmTotpBody } }, async (ctx) => confirmTotpEnrollment(accountActor(ctx), ctx.body.code));
