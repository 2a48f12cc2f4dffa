// GET, PUT /api/v1/orgs/:slug/sso/jit — just-in-time membership for sign-ins through the
// org's IdP (OIDC or SAML): the default role and the group-to-role mapping.
import { z } from "zod";
import { requestMeta } from "@/lib/auth/request-meta";
import { route } from "@/lib/http/route";
import { getSsoJitPolicy, saveSsoJitPolicy, ssoJitPolicyInput } from "@/lib/sso/jit";
import { text } from "@/lib/validation/text";

const params = z.object({ slug: text().min(1).max(100) });

export const GET = route({ auth: "session", permission: "sso:manage", schemas: { params } }, async ({ access }) => ({
  jit: await getSsoJitPolicy(access!.org.id),
}));

export const PUT = route({ auth: "session", permission: "sso:manage", schemas: { params, body: ssoJitPolicyInput } }, async ({ actor, access, request, requestId, body }) => {
  if (actor?.kind !== "user" || !access) throw new Error("the pipeline resolved no user and org");
  const meta = requestMeta(request);
  return { jit: await saveSsoJitPolicy({ orgId: access.org.id, actorId: actor.userId, ip: meta.ip, userAgent: meta.userAgent, requestId }, body) };
});
