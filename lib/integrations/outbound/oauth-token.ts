// OAuth 2.0 token endpoint calls (authorization-code exchange and refresh) for the
// providers whose SDK has none (GitLab, Atlassian, Linear); Slack's goes through its SDK.
// No "server-only" marker: the worker (plain Node) refreshes tokens.
import type { Credentials, Provider } from "../types";
import { kindForStatus, ProviderError, withoutSecrets } from "./errors";
import { policyFetch } from "./fetch";

export type TokenSet = { accessToken: string; refreshToken: string | null; expiresAt: Date | null };

export type TokenRequest = {
  provider: Provider;
  url: string;
  params: Record<string, string>;
  /** Atlassian takes JSON; GitLab and Linear take a form. */
  encoding: "form" | "json";
};

export async function requestToken(request: TokenRequest): Promise<TokenSet> {
  const body = request.encoding === "json" ? JSON.stringify(request.params) : new URLSearchParams(request.params).toString();
  const contentType = request.encoding === "json" ? "application/json" : "application/x-www-form-urlencoded";
  const response = await policyFetch(request.provider)(request.url, {
    method: "POST",
    headers: { "content-type": contentType, accept: "application/json" },
    body,
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof data.access_token !== "string") {
    // invalid_grant (a used or expired code, a revoked refresh token) is a refusal of the credentials.
    const code = typeof data.error === "string" ? data.error : `HTTP ${response.status}`;
    const kind = code === "invalid_grant" || code === "invalid_client" || response.status === 401 ? "unauthorized" : kindForStatus(response.status);
    const description = typeof data.error_description === "string" ? `: ${data.error_description}` : "";
    throw new ProviderError(request.provider, response.ok ? "failed" : kind, withoutSecrets(`token request refused (${code}${description})`, Object.values(request.params)), response.status);
  }
  return {
    accessToken: data.access_token,
    refreshToken: typeof data.refresh_token === "string" ? data.refresh_token : null,
    expiresAt: typeof data.expires_in === "number" ? new Date(Date.now() + data.expires_in * 1000) : null,
  };
}

/** The credentials a token set is stored as. */
export function tokenCredentials(tokens: TokenSet): Credentials {
  return tokens.refreshToken ? { ACCESS_TOKEN: tokens.accessToken, REFRESH_TOKEN: tokens.refreshToken } : { ACCESS_TOKEN: tokens.accessToken };
}
