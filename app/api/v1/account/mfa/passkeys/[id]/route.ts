// PATCH /api/v1/account/mfa/passkeys/[id]: rename a passkey.
// DELETE: remove it (re-authentication required).
import { removePasskey } from "@/lib/auth/mfa/factors";
import { renamePasskey } from "@/lib/auth/mfa/passkeys";
import { passkeyParams, reauthBody, renamePasskeyBody } from "@/lib/auth/mfa/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../../../account-actor";

export const PATCH = route({ auth: "session", schemas: { params: passkeyParams, body: renamePasskeyBody } }, async (ctx) => ({
  passkey: await renamePasskey(accountActor(ctx), ctx.params.id, ctx.body.name),
}));

export const DELETE = route({ auth: "session", schemas: { params: passkeyParams, body: reauthBody } }, async (ctx) => {
  await removePasskey(accountActor(ctx), ctx.params.id, ctx.body.password);
  return { removed: true };
});
