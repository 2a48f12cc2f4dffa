// GET /api/saml/:connectionId/metadata — the service provider's SAML metadata (public:
// IdPs import it by URL). Its URL is also the SP entity id. Served for a draft
// connection too: the IdP reads it before the admin can paste the IdP's metadata back.
import { z } from "zod";
import { NotFound } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { findSamlConnectionForMetadata } from "@/lib/sso/saml/acs";
import { spMetadataXml } from "@/lib/sso/saml/service-provider";
import { idParam } from "@/lib/validation/text";

const params = z.object({ connectionId: idParam() });

export const GET = route({ auth: "none", schemas: { params } }, async ({ params }) => {
  const connection = await findSamlConnectionForMetadata(params.connectionId);
  if (!connection) throw new NotFound("SAML connection");
  return new Response(await spMetadataXml(connection), { headers: { "content-type": "application/samlmetadata+xml; charset=utf-8" } });
});
