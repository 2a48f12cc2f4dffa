// POST /api/v1/account/mfa/passkeys/options: re-authenticate, then the options for
// navigator.credentials.create(); the challenge is kept server-side for one use.
import { assertReauthenticated } from "@/lib/auth/mfa/factors";
import { passkeyRegistrationOptions } from "@/lib/auth/mfa/passkeys";
import { reauthBody } from "@/lib/auth/mfa/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../../../account-actor";

export const POST = route({ auth: "session", schemas: { body: reauthBody } }, async (ctx) => {
  const actor = accountActor(ctx);
  await assertReauthenticated(actor, ctx.body.password);
  return { options: await passkeyRegistrationOptions(actor.userId, ctx.request) };
});
