// POST /api/v1/auth/sign-in: sets the session cookie and says where to go next
// (a same-site path only: no open redirect). With a second factor set up it sets no
// cookie and answers `{ mfaRequired: true, mfaTicket }` for POST /api/v1/auth/mfa.
import { CONSOLE_HOME, safeRedirectPath } from "@/lib/auth/redirect";
import { signInBody } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: signInBody } }, async ({ request, requestId, body }) => {
  const outcome = await signInWithPassword(body, { request, requestId });
  if (outcome.kind === "mfa_required") return Response.json({ mfaRequired: true, mfaTicket: outcome.mfaTicket });
  return Response.json({ redirectTo: safeRedirectPath(body.next, CONSOLE_HOME) }, { headers: { "set-cookie": outcome.setCookie } });
});
