// GitLab's OAuth 2.0 (authorization code with PKCE) against gitlab.com or the
// self-managed instance chosen before the redirect; tokens expire after two hours and
// are refreshed with the refresh token.
// No "server-only" marker: the worker (plain Node) refreshes tokens.
import { env } from "../../../env";
import { requestToken, tokenCredentials, type TokenSet } from "../../outbound/oauth-token";
import type { OAuthFlow } from "../../types";
import { oauthRedirectUri } from "../oauth-redirect";
import { gitlabUrl } from "./api";
import { whoAmI } from "./identity";

export const SCOPES = "read_api read_user";

function clientSettings(): { clientId: string; clientSecret: string } | null {
  const { GITLAB_OAUTH_CLIENT_ID, GITLAB_OAUTH_CLIENT_SECRET } = env();
  return GITLAB_OAUTH_CLIENT_ID && GITLAB_OAUTH_CLIENT_SECRET ? { clientId: GITLAB_OAUTH_CLIENT_ID, clientSecret: GITLAB_OAUTH_CLIENT_SECRET } : null;
}

export function gitlabOAuthConfigured(): boolean {
  return clientSettings() !== null;
}

function settings(): { clientId: string; clientSecret: string } {
  const configured = clientSettings();
  if (!configured) throw new Error("GitLab OAuth is not configured (GITLAB_OAUTH_CLIENT_ID, GITLAB_OAUTH_CLIENT_SECRET)");
  return configured;
}

/** Refresh for a connection; GitLab asks for the same redirect URI as the exchange. */
export function refreshGitLabToken(baseUrl: string | null, refreshToken: string): Promise<TokenSet> {
  const { clientId, clientSecret } = settings();
  return requestToken({
    provider: "gitlab",
    url: `${gitlabUrl(baseUrl)}/oauth/token`,
    params: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret, redirect_uri: oauthRedirectUri("gitlab") },
    encoding: "form",
  });
}

export const oauth: OAuthFlow = {
  pkce: true,
  authorizeUrl({ state, codeChallenge, redirectUri, baseUrl }) {
    const url = new URL(`${gitlabUrl(baseUrl)}/oauth/authorize`);
    url.search = new URLSearchParams({ client_id: settings().clientId, redirect_uri: redirectUri, response_type: "code", scope: SCOPES, state, code_challenge: codeChallenge, code_challenge_method: "S256" }).toString();
    return url.toString();
  },
  async exchange({ code, codeVerifier, redirectUri, baseUrl }) {
    const { clientId, clientSecret } = settings();
    const tokens = await requestToken({
      provider: "gitlab",
      url: `${gitlabUrl(baseUrl)}/oauth/token`,
      params: { grant_type: "authorization_code", code, code_verifier: codeVerifier, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret },
      encoding: "form",
    });
    const identity = await whoAmI({ baseUrl: baseUrl ?? null }, { oauthToken: tokens.accessToken });
    return { credentials: tokenCredentials(tokens), tokenExpiresAt: tokens.expiresAt, externalId: identity.externalId, name: identity.name, config: identity.config };
  },
};
