// POST /api/v1/orgs/[slug]/integrations/oauth/[provider] { baseUrl?, name? } → { url }: where to send the browser to connect (OAuth or GitHub App install).
import { startOAuth } from "@/lib/integrations/connections/oauth-start";
import { oauthStartParams, oauthStartSchema } from "@/lib/integrations/connections/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { Unauthorized } from "@/lib/errors";

// Session only: the state is bound to the browser session that will come back.
export const POST = route({ auth: "session", permission: "integrations:manage", schemas: { params: oauthStartParams, body: oauthStartSchema } }, async (ctx) => {
  if (ctx.actor?.kind !== "user") throw new Unauthorized();
  return startOAuth({ ...orgContext(ctx), sessionId: ctx.actor.sessionId }, ctx.params.provider, ctx.body);
});
