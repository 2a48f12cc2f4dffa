// Jira Cloud's OAuth 2.0 (3LO): authorize at ATLASSIAN_AUTH_URL with offline_access
// for a refresh token, exchange the code, then find the site the admin granted through
// ATLASSIAN_API_URL/oauth/token/accessible-resources (its id is the cloud id every API
// call goes through). Atlassian's 3LO does not take PKCE: the client secret and our
// single-use state bound to the admin's session protect the exchange.
// No "server-only" marker: the worker (plain Node) refreshes tokens.
import { env } from "../../../env";
import { kindForStatus, ProviderError } from "../../outbound/errors";
import { policyFetch } from "../../outbound/fetch";
import { requestToken, tokenCredentials, type TokenSet } from "../../outbound/oauth-token";
import type { OAuthFlow } from "../../types";

export const SCOPES = "read:jira-work read:jira-user offline_access";

type AccessibleResource = { id: string; url: string; name: string; scopes?: string[] };

function clientSettings(): { clientId: string; clientSecret: string } | null {
  const { JIRA_OAUTH_CLIENT_ID, JIRA_OAUTH_CLIENT_SECRET } = env();
  return JIRA_OAUTH_CLIENT_ID && JIRA_OAUTH_CLIENT_SECRET ? { clientId: JIRA_OAUTH_CLIENT_ID, clientSecret: JIRA_OAUTH_CLIENT_SECRET } : null;
}

export function jiraOAuthConfigured(): boolean {
  return clientSettings() !== null;
}

function settings(): { clientId: string; clientSecret: string } {
  const configured = clientSettings();
  if (!configured) throw new Error("Jira OAuth is not configured (JIRA_OAUTH_CLIENT_ID, JIRA_OAUTH_CLIENT_SECRET)");
  return configured;
}

/** Atlassian rotates refresh tokens: each refresh returns a new one to keep. */
export function refreshJiraToken(refreshToken: string): Promise<TokenSet> {
  const { clientId, clientSecret } = settings();
  return requestToken({ provider: "jira", url: `${env().ATLASSIAN_AUTH_URL}/oauth/token`, params: { grant_type: "refresh_token", client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken }, encoding: "json" });
}

async function grantedSite(accessToken: string): Promise<AccessibleResource> {
  const response = await policyFetch("jira")(`${env().ATLASSIAN_API_URL}/oauth/token/accessible-resources`, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } });
  if (!response.ok) throw new ProviderError("jira", kindForStatus(response.status), `${response.status} listing the granted sites failed`, response.status);
  const resources = (await response.json()) as AccessibleResource[];
  const site = resources.find((resource) => resource.scopes?.includes("read:jira-work")) ?? resources[0];
  if (!site) throw new ProviderError("jira", "forbidden", "the app was not granted access to any Jira site");
  return site;
}

export const oauth: OAuthFlow = {
  pkce: false,
  authorizeUrl({ state, redirectUri }) {
    const url = new URL(`${env().ATLASSIAN_AUTH_URL}/authorize`);
    url.search = new URLSearchParams({ audience: "api.atlassian.com", client_id: settings().clientId, scope: SCOPES, redirect_uri: redirectUri, state, response_type: "code", prompt: "consent" }).toString();
    return url.toString();
  },
  async exchange({ code, redirectUri }) {
    const { clientId, clientSecret } = settings();
    const tokens = await requestToken({ provider: "jira", url: `${env().ATLASSIAN_AUTH_URL}/oauth/token`, params: { grant_type: "authorization_code", client_id: clientId, client_secret: clientSecret, code, redirect_uri: redirectUri }, encoding: "json" });
    const site = await grantedSite(tokens.accessToken);
    return { credentials: tokenCredentials(tokens), tokenExpiresAt: tokens.expiresAt, externalId: site.id, name: site.name, config: { deployment: "cloud", cloudId: site.id, siteUrl: site.url } };
  },
};
