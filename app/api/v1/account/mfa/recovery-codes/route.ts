// POST /api/v1/account/mfa/recovery-codes: ten new recovery codes replace the old ones;
// re-authentication required; answered once.
import { regenerateRecoveryCodes } from "@/lib/auth/mfa/factors";
import { reauthBody } from "@/lib/auth/mfa/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../../account-actor";

export const POST = route({ auth: "session", schemas: { body: reauthBody } }, async (ctx) => ({
  recoveryCodes: await regenerateRecoveryCodes(accountActor(ctx), ctx.body.password),
}));
