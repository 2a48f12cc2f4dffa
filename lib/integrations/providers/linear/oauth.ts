// Linear's OAuth 2.0 (authorization code with PKCE S256): authorize on LINEAR_WEB_URL,
// tokens from LINEAR_API_URL/oauth/token, refreshed with the refresh token.
// No "server-only" marker: the worker (plain Node) refreshes tokens.
import { env } from "../../../env";
import { requestToken, tokenCredentials, type TokenSet } from "../../outbound/oauth-token";
import type { OAuthFlow } from "../../types";
import { linearIdentity } from "./identity";

function clientSettings(): { clientId: string; clientSecret: string } | null {
  const { LINEAR_OAUTH_CLIENT_ID, LINEAR_OAUTH_CLIENT_SECRET } = env();
  return LINEAR_OAUTH_CLIENT_ID && LINEAR_OAUTH_CLIENT_SECRET ? { clientId: LINEAR_OAUTH_CLIENT_ID, clientSecret: LINEAR_OAUTH_CLIENT_SECRET } : null;
}

export function linearOAuthConfigured(): boolean {
  return clientSettings() !== null;
}

function settings(): { clientId: string; clientSecret: string } {
  const configured = clientSettings();
  if (!configured) throw new Error("Linear OAuth is not configured (LINEAR_OAUTH_CLIENT_ID, LINEAR_OAUTH_CLIENT_SECRET)");
  return configured;
}

const tokenUrl = () => `${env().LINEAR_API_URL}/oauth/token`;

export function refreshLinearToken(refreshToken: string): Promise<TokenSet> {
  const { clientId, clientSecret } = settings();
  return requestToken({ provider: "linear", url: tokenUrl(), params: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret }, encoding: "form" });
}

export const oauth: OAuthFlow = {
  pkce: true,
  authorizeUrl({ state, codeChallenge, redirectUri }) {
    const url = new URL(`${env().LINEAR_WEB_URL}/oauth/authorize`);
    url.search = new URLSearchParams({ client_id: settings().clientId, redirect_uri: redirectUri, response_type: "code", scope: "read", state, code_challenge: codeChallenge, code_challenge_method: "S256", prompt: "consent" }).toString();
    return url.toString();
  },
  async exchange({ code, codeVerifier, redirectUri }) {
    const { clientId, clientSecret } = settings();
    const tokens = await requestToken({ provider: "linear", url: tokenUrl(), params: { grant_type: "authorization_code", code, code_verifier: codeVerifier, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret }, encoding: "form" });
    const identity = await linearIdentity({ accessToken: tokens.accessToken });
    return { credentials: tokenCredentials(tokens), tokenExpiresAt: tokens.expiresAt, externalId: identity.externalId, name: identity.name, config: identity.config };
  },
};
