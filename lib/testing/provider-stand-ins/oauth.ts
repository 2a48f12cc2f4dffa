// An OAuth 2.0 authorization server as the stand-ins need it: an authorize endpoint that
// approves at once (redirecting back with a code, as a consenting admin would), and a
// token endpoint for the code exchange (checking the client secret, redirect URI and,
// where the provider does PKCE, the S256 verifier) and for refresh.
// Plain Node only: the browser tests' global setup loads the stand-ins.
import { createHash, randomBytes } from "node:crypto";
import { json, type StandInReply, type StandInRequest } from "./http";

export type OAuthClient = { clientId: string; clientSecret: string };

export type OAuthAuthority = {
  authorize(request: StandInRequest): StandInReply;
  token(request: StandInRequest): StandInReply;
  /** Whether an access token was issued here and has not expired. */
  accepts(accessToken: string): boolean;
  /** Makes every issued access token invalid (refresh tokens keep working). */
  expireAccessTokens(): void;
  counts: { exchanges: number; refreshes: number };
};

type Code = { redirectUri: string; challenge: string | null; expiresAt: number };

export function createOAuthAuthority(options: {
  client: OAuthClient;
  pkce: boolean;
  tokenPrefix: string;
  lifetimeSeconds: number;
  /** Issue a new refresh token on each refresh and retire the old one (Atlassian, Slack). */
  rotateRefreshTokens: boolean;
}): OAuthAuthority {
  const codes = new Map<string, Code>();
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Set<string>();
  const counts = { exchanges: 0, refreshes: 0 };
  const random = (kind: string) => `${options.tokenPrefix}${kind}-${randomBytes(18).toString("base64url")}`;

  function issue(): Record<string, unknown> {
    const accessToken = random("at");
    const refreshToken = random("rt");
    accessTokens.set(accessToken, Date.now() + options.lifetimeSeconds * 1000);
    refreshTokens.add(refreshToken);
    return { access_token: accessToken, token_type: "Bearer", expires_in: options.lifetimeSeconds, refresh_token: refreshToken, scope: "read", created_at: Math.floor(Date.now() / 1000) };
  }

  function clientOf(request: StandInRequest, params: URLSearchParams): OAuthClient | null {
    const basic = request.auth();
    if (basic?.scheme === "basic") {
      const [clientId, clientSecret] = Buffer.from(basic.value, "base64").toString("utf8").split(":");
      return { clientId: clientId ?? "", clientSecret: clientSecret ?? "" };
    }
    return { clientId: params.get("client_id") ?? "", clientSecret: params.get("client_secret") ?? "" };
  }

  return {
    counts,
    authorize(request) {
      const query = request.query;
      const redirectUri = query.get("redirect_uri");
      if (query.get("client_id") !== options.client.clientId || !redirectUri) return json(400, { error: "invalid_client" });
      if (options.pkce && query.get("code_challenge_method") !== "S256") return json(400, { error: "invalid_request", error_description: "PKCE S256 required" });
      const code = randomBytes(16).toString("base64url");
      codes.set(code, { redirectUri, challenge: options.pkce ? query.get("code_challenge") : null, expiresAt: Date.now() + 10 * 60_000 });
      const target = new URL(redirectUri);
      target.searchParams.set("code", code);
      if (query.get("state")) target.searchParams.set("state", query.get("state")!);
      return { status: 302, headers: { location: target.toString() } };
    },
    token(request) {
      const params = request.form();
      const client = clientOf(request, params);
      if (client?.clientId !== options.client.clientId || client.clientSecret !== options.client.clientSecret) return json(401, { error: "invalid_client", error_description: "Client authentication failed" });
      const grant = params.get("grant_type");
      if (grant === "refresh_token") {
        const refreshToken = params.get("refresh_token") ?? "";
        if (!refreshTokens.has(refreshToken)) return json(400, { error: "invalid_grant", error_description: "The refresh token is invalid" });
        if (options.rotateRefreshTokens) refreshTokens.delete(refreshToken);
        counts.refreshes += 1;
        const issued = issue();
        if (!options.rotateRefreshTokens) (refreshTokens.delete(issued.refresh_token as string), (issued.refresh_token = refreshToken));
        return json(200, issued);
      }
      if (grant !== "authorization_code") return json(400, { error: "unsupported_grant_type" });
      const code = codes.get(params.get("code") ?? "");
      codes.delete(params.get("code") ?? "");
      if (!code || code.expiresAt < Date.now() || code.redirectUri !== params.get("redirect_uri")) return json(400, { error: "invalid_grant", error_description: "The authorization code is invalid or expired" });
      if (code.challenge !== null && createHash("sha256").update(params.get("code_verifier") ?? "").digest("base64url") !== code.challenge) {
        return json(400, { error: "invalid_grant", error_description: "PKCE verification failed" });
      }
      counts.exchanges += 1;
      return json(200, issue());
    },
    accepts: (accessToken) => (accessTokens.get(accessToken) ?? 0) > Date.now(),
    expireAccessTokens: () => accessTokens.clear(),
  };
}
