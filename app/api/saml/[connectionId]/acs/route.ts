// POST /api/saml/:connectionId/acs — the assertion consumer service (HTTP-POST binding).
// The IdP's auto-submitting form posts here cross-site, so there is no session and no
// same-origin check; the signed response is the credential. Answers with a redirect.
import { z } from "zod";
import { readRawBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { BadRequest } from "@/lib/errors";
import { consumeSamlResponse } from "@/lib/sso/saml/acs";
import { idParam } from "@/lib/validation/text";

const params = z.object({ connectionId: idParam() });
const MAX_RESPONSE_BYTES = 512 * 1024;

export const POST = route({ auth: "none", schemas: { params } }, async ({ request, requestId, params }) => {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) throw new BadRequest("Expected an HTML form post");
  const form = new URLSearchParams((await readRawBody(request, MAX_RESPONSE_BYTES)).toString("utf8"));
  const samlResponse = form.get("SAMLResponse");
  if (!samlResponse) throw new BadRequest("The form carries no SAMLResponse");
  const outcome = await consumeSamlResponse({ connectionId: params.connectionId, samlResponse, relayState: form.get("RelayState"), request, requestId });
  const headers = new Headers({ location: outcome.redirectTo });
  if (outcome.setCookie) headers.append("set-cookie", outcome.setCookie);
  return new Response(null, { status: 303, headers });
});
