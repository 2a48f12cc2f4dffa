// POST /api/v1/account/mfa/passkeys: the browser's answer to the registration options
// becomes a passkey; answers the recovery codes once when the account had none.
import { addPasskey } from "@/lib/auth/mfa/factors";
import { registerPasskeyBody } from "@/lib/auth/mfa/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../../account-actor";

export const POST = route({ auth: "session", schemas: { body: registerPasskeyBody } }, async (ctx) => addPasskey(accountActor(ctx), ctx.body, ctx.request));
