// GET, PUT, DELETE /api/v1/orgs/:slug/sso — the org's own OIDC identity provider.
// The client secret is write-only: answers say hasClientSecret, never the secret.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { requestMeta } from "@/lib/auth/request-meta";
import type { Actor } from "@/lib/http/authenticate";
import type { OrgAccess } from "@/lib/http/org-access";
import { route } from "@/lib/http/route";
import { deleteSsoConnection, getSsoConnection, saveSsoConnection, ssoCallbackUrl, type SsoChangeContext } from "@/lib/sso/connections";
import { ssoConnectionInput } from "@/lib/sso/schemas";

const params = z.object({ slug: text().min(1).max(100) });

function changeContext(ctx: { actor: Actor | null; access: OrgAccess | null; request: Request; requestId: string }): SsoChangeContext {
  if (ctx.actor?.kind !== "user" || !ctx.access) throw new Error("the pipeline resolved no user and org");
  return { org: ctx.access.org, actorId: ctx.actor.userId, meta: requestMeta(ctx.request), requestId: ctx.requestId };
}

export const GET = route({ auth: "session", permission: "sso:manage", schemas: { params } }, async ({ access }) => ({
  sso: await getSsoConnection(access!.org),
  // Shown before the first save too: the IdP's client needs it to be created.
  callbackUrl: ssoCallbackUrl(access!.org.slug),
}));

export const PUT = route({ auth: "session", permission: "sso:manage", schemas: { params, body: ssoConnectionInput } }, async (ctx) => ({
  sso: await saveSsoConnection(changeContext(ctx), ctx.body),
}));

export const DELETE = route({ auth: "session", permission: "sso:manage", schemas: { params } }, async (ctx) => {
  await deleteSsoConnection(changeContext(ctx));
  return { deleted: true };
});
