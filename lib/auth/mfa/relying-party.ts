// The WebAuthn relying party of a request: the origin the browser addressed, as
// lib/http/csrf.ts determines it (APP_URL's origin in a normal deployment; the Host,
// or X-Forwarded-Host under TRUST_PROXY, otherwise). Its host name is the RP ID a
// passkey is bound to, so a passkey registered at one address works only there, which
// browsers enforce anyway. Browsers refuse IP addresses as RP IDs: use a host name.
import "server-only";
import { requestOrigin } from "../../http/csrf";

export const RP_NAME = "Bastion";

export function relyingParty(request: Request): { rpId: string; origin: string } {
  const origin = requestOrigin(request);
  return { rpId: new URL(origin).hostname, origin };
}
