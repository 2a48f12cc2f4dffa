// POST /api/v1/auth/mfa/passkey-options: at the MFA step, the options for
// navigator.credentials.get() over the pending user's passkeys. Rate limited like codes.
import { enforceLimits } from "@/lib/auth/enforce-limits";
import { AUTH_LIMITS } from "@/lib/auth/limits";
import { passkeyOptionsForTicket } from "@/lib/auth/mfa/sign-in-step";
import { mfaTicketBody } from "@/lib/auth/mfa/schemas";
import { requestMeta } from "@/lib/auth/request-meta";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: mfaTicketBody } }, async ({ request, body }) => {
  await enforceLimits([[AUTH_LIMITS.mfaCodePerIp, requestMeta(request).ip]]);
  return { options: await passkeyOptionsForTicket(body.mfaTicket, request) };
});
