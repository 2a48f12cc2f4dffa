// POST /api/v1/account/mfa/totp: start setting up an authenticator app (re-authentication
// required); answers the secret once, with its otpauth URI and a locally rendered QR code.
// DELETE: remove it (re-authentication required).
import { disableTotp, startTotpEnrollment } from "@/lib/auth/mfa/factors";
import { totpQrSvg } from "@/lib/auth/mfa/qr";
import { reauthBody } from "@/lib/auth/mfa/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../../account-actor";

export const POST = route({ auth: "session", schemas: { body: reauthBody } }, async (ctx) => {
  const { secret, uri } = await startTotpEnrollment(accountActor(ctx), ctx.body.password);
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
});

export const DELETE = route({ auth: "session", schemas: { body: reauthBody } }, async (ctx) => {
  await disableTotp(accountActor(ctx), ctx.body.password);
  return { totp: false };
});
