// POST /api/v1/auth/mfa: the second sign-in step. The ticket from the first factor and a
// TOTP or recovery code; sets the session cookie. Rate limited like password sign-in.
import { enforceLimits } from "@/lib/auth/enforce-limits";
import { AUTH_LIMITS } from "@/lib/auth/limits";
import { completeSecondFactor } from "@/lib/auth/mfa/sign-in-step";
import { clearPendingCookieHeader } from "@/lib/auth/mfa/pending-cookie";
import { mfaSignInBody } from "@/lib/auth/mfa/schemas";
import { CONSOLE_HOME, safeRedirectPath } from "@/lib/auth/redirect";
import { isSecureRequest, requestMeta } from "@/lib/auth/request-meta";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: mfaSignInBody } }, async ({ request, requestId, body }) => {
  await enforceLimits([[AUTH_LIMITS.mfaCodePerIp, requestMeta(request).ip]]);
  const { setCookie } = await completeSecondFactor(body, { request, requestId });
  const headers = new Headers({ "set-cookie": setCookie });
  // A magic-link sign-in brought its ticket in a cookie; it is spent now.
  headers.append("set-cookie", clearPendingCookieHeader(isSecureRequest(request)));
  return Response.json({ redirectTo: safeRedirectPath(body.next, CONSOLE_HOME) }, { headers });
});
