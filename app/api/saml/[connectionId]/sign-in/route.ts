// GET /api/saml/:connectionId/sign-in — SP-initiated sign-in: redirects to the IdP with
// an AuthnRequest whose id the response must answer (InResponseTo).
import { z } from "zod";
import { route } from "@/lib/http/route";
import { samlSignInRedirect } from "@/lib/sso/saml/acs";
import { idParam, text } from "@/lib/validation/text";

const params = z.object({ connectionId: idParam() });
const query = z.object({ callbackUrl: text().max(2000).optional() });

export const GET = route({ auth: "none", schemas: { params, query } }, async ({ params, query }) => {
  const location = await samlSignInRedirect(params.connectionId, query.callbackUrl ?? null);
  return new Response(null, { status: 303, headers: { location } });
});
