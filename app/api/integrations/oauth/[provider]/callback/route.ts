// GET /api/integrations/oauth/[provider]/callback: the one redirect URI registered at each provider (GitHub App installs return here too).
// Always answers 303: to the new connection, or to the integrations page with an error code.
import { requestMeta } from "@/lib/auth/request-meta";
import { appUrl } from "@/lib/env";
import { Unauthorized } from "@/lib/errors";
import { completeOAuth } from "@/lib/integrations/connections/oauth-callback";
import { oauthCallbackParams, oauthCallbackQuery } from "@/lib/integrations/connections/schemas";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "session", schemas: { params: oauthCallbackParams, query: oauthCallbackQuery } }, async (ctx) => {
  if (ctx.actor?.kind !== "user") throw new Unauthorized();
  const caller = { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId, requestId: ctx.requestId, ...requestMeta(ctx.request) };
  const location = await completeOAuth(caller, ctx.params.provider, ctx.query);
  return new Response(null, { status: 303, headers: { location: `${appUrl()}${location}`, "referrer-policy": "no-referrer" } });
});
