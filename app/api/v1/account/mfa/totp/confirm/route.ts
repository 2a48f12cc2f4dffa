// POST /api/v1/account/mfa/totp/confirm: the first code from the app turns TOTP on;
// answers the recovery codes once when the account had none. Rate limited per account.
import { enforceLimits } from "@/lib/auth/enforce-limits";
import { AUTH_LIMITS } from "@/lib/auth/limits";
import { confirmTotpEnrollment } from "@/lib/auth/mfa/factors";
import { confirmTotpBody } from "@/lib/auth/mfa/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../../../account-actor";

export const POST = route({ auth: "session", schemas: { body: confirmTotpBody } }, async (ctx) => {
  const actor = accountActor(ctx);
  await enforceLimits([[AUTH_LIMITS.mfaCodePerUser, actor.userId]]);
  return confirmTotpEnrollment(actor, ctx.body.code);
});
