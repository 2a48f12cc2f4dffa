// Slack's OAuth v2 install: the admin picks a workspace on SLACK_WEB_URL/oauth/v2/authorize
// with the bot scopes; oauth.v2.access trades the code for the bot token (xoxb-…), the
// team and the bot's user id. Slack's v2 flow for apps with a client secret takes no
// PKCE: the secret and our single-use state bound to the admin's session protect it.
// No "server-only" marker: the worker (plain Node) loads the provider registry.
import { env } from "../../../env";
import { ProviderError } from "../../outbound/errors";
import { toProviderError } from "../../outbound/sdk-errors";
import type { OAuthFlow } from "../../types";
import { slackClientSettings, slackWebClient } from "./api";

/** Read channels to pick from, post notifications. */
export const BOT_SCOPES = "channels:read,groups:read,chat:write";

function settings(): { clientId: string; clientSecret: string } {
  const configured = slackClientSettings();
  if (!configured) throw new Error("Slack is not configured (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET)");
  return configured;
}

export const oauth: OAuthFlow = {
  pkce: false,
  authorizeUrl({ state, redirectUri }) {
    const url = new URL(`${env().SLACK_WEB_URL}/oauth/v2/authorize`);
    url.search = new URLSearchParams({ client_id: settings().clientId, scope: BOT_SCOPES, redirect_uri: redirectUri, state }).toString();
    return url.toString();
  },
  async exchange({ code, redirectUri }) {
    const { clientId, clientSecret } = settings();
    try {
      const answer = await slackWebClient().oauth.v2.access({ client_id: clientId, client_secret: clientSecret, code, redirect_uri: redirectUri });
      if (!answer.access_token || !answer.team?.id) throw new ProviderError("slack", "failed", "the install answer had no bot token or team");
      // auth.test names the bot id too (events carry bot_id), which the install answer lacks.
      const me = await slackWebClient(answer.access_token).auth.test();
      const credentials: Record<string, string> = { ACCESS_TOKEN: answer.access_token };
      if (answer.refresh_token) credentials.REFRESH_TOKEN = answer.refresh_token;
      return {
        credentials,
        tokenExpiresAt: answer.expires_in ? new Date(Date.now() + answer.expires_in * 1000) : null,
        externalId: answer.team.id,
        name: answer.team.name ?? answer.team.id,
        config: { teamName: answer.team.name ?? null, workspaceUrl: me.url ?? null, botUserId: answer.bot_user_id ?? me.user_id ?? null, botId: me.bot_id ?? null, appId: answer.app_id ?? null },
      };
    } catch (error) {
      throw toProviderError("slack", error, [code, clientSecret]);
    }
  },
};
