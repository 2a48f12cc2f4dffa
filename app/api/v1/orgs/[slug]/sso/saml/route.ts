// GET, PUT, DELETE /api/v1/orgs/:slug/sso/saml — the org's SAML identity provider and
// the service provider details (entity id, ACS URL, certificate) to give the IdP.
import { z } from "zod";
import { requestMeta } from "@/lib/auth/request-meta";
import { route } from "@/lib/http/route";
import { deleteSamlConnection, getSamlConnection, saveSamlConnection, type SamlChangeContext } from "@/lib/sso/saml/connections";
import { samlConnectionInput } from "@/lib/sso/saml/schemas";
import { text } from "@/lib/validation/text";
import type { Actor } from "@/lib/http/authenticate";
import type { OrgAccess } from "@/lib/http/org-access";

const params = z.object({ slug: text().min(1).max(100) });

function changeContext(ctx: { actor: Actor | null; access: OrgAccess | null; request: Request; requestId: string }): SamlChangeContext {
  if (ctx.actor?.kind !== "user" || !ctx.access) throw new Error("the pipeline resolved no user and org");
  return { org: ctx.access.org, actorId: ctx.actor.userId, meta: requestMeta(ctx.request), requestId: ctx.requestId };
}

export const GET = route({ auth: "session", permission: "sso:manage", schemas: { params } }, async ({ access }) => ({
  saml: await getSamlConnection(access!.org),
}));

export const PUT = route({ auth: "session", permission: "sso:manage", schemas: { params, body: samlConnectionInput } }, async (ctx) => ({
  saml: await saveSamlConnection(changeContext(ctx), ctx.body),
}));

export const DELETE = route({ auth: "session", permission: "sso:manage", schemas: { params } }, async (ctx) => {
  await deleteSamlConnection(changeContext(ctx));
  return { deleted: true };
});
