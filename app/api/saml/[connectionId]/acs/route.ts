// POST /api/saml/:connectionId/acs — the assertion consumer service (HTTP-POST binding).
// The IdP's auto-submitting form posts here cross-site, so there is no session and no
// same-origin check; the signed response is the credential. Answers with a redirect, a
// refusal included (to /auth-error with a code): the post is a top-level navigation.
import { z } from "zod";
import { route } from "@/lib/http/route";
import { consumeSamlResponse, readAcsForm } from "@/lib/sso/saml/acs";
import { idParam } from "@/lib/validation/text";

const params = z.object({ connectionId: idParam() });

export const POST = route({ auth: "none", schemas: { params } }, async ({ request, requestId, params }) => {
  const outcome = await consumeSamlResponse({ connectionId: params.connectionId, form: await readAcsForm(request), request, requestId });
  const headers = new Headers({ location: outcome.redirectTo });
  if (outcome.setCookie) headers.append("set-cookie", outcome.setCookie);
  return new Response(null, { status: 303, headers });
});
