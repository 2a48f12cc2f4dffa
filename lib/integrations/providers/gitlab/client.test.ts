// GitLab's client through GitBeaker (with our requester) and its OAuth flow against the
// GitLab stand-in over loopback: access tokens, OAuth with PKCE, refresh when expired
// or refused, retries and refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAuthorization, providerCall, startStandInsForClients, stopStandIns } from "../../../testing/provider-calls";
import { standInCredentials, type ProviderStandIns } from "../../../testing/provider-stand-ins";

const creds = standInCredentials.gitlab;
const redirectUri = "http://localhost:3000/api/integrations/oauth/gitlab/callback";
let standIns: ProviderStandIns;
let gitlab: typeof import("./client");
let flow: typeof import("./oauth");
let pkce: typeof import("../pkce");

beforeAll(async () => {
  standIns = await startStandInsForClients();
  gitlab = await import("./client");
  flow = await import("./oauth");
  pkce = await import("../pkce");
});

afterAll(() => stopStandIns(standIns));

async function connectWithOAuth(baseUrl: string | null = null) {
  const verifier = pkce.newCodeVerifier();
  const { code } = await approveAuthorization(flow.oauth.authorizeUrl({ state: "st", codeChallenge: pkce.codeChallengeS256(verifier), redirectUri, baseUrl }));
  return { verifier, result: await flow.oauth.exchange({ code, codeVerifier: verifier, redirectUri, baseUrl }) };
}

describe("gitlab access tokens", () => {
  it("check names the token's bot user, keeps its id for the loop guard and reads the token's expiry", async () => {
    const result = await gitlab.client.check(providerCall("gitlab", "token", { API_TOKEN: creds.token }));
    expect(result).toMatchObject({ name: "Bastion bot", externalId: "4001", config: { botUserId: "4001", accountLogin: "project_42_bot_1f2e" } });
    expect(result.tokenExpiresAt?.toISOString().slice(0, 10)).toBe(standIns.servers.gitlab.tokenExpiresOn);
  });

  it("sync lists member projects across Link-paginated pages", async () => {
    const projects = await gitlab.client.sync(providerCall("gitlab", "token", { API_TOKEN: creds.token }, { baseUrl: standIns.urls.gitlab }));
    expect(projects).toEqual([
      { kind: "project", externalId: "42", name: "acme/api", url: "https://gitlab.example/acme/api" },
      { kind: "project", externalId: "43", name: "acme/web", url: "https://gitlab.example/acme/web" },
      { kind: "project", externalId: "44", name: "acme/infra", url: "https://gitlab.example/acme/infra" },
    ]);
  });

  it("refuses a wrong token without echoing it", async () => {
    const wrong = "glpat-wrongwrongwrong0123";
    const failure = await gitlab.client.check(providerCall("gitlab", "token", { API_TOKEN: wrong })).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "ProviderError", kind: "unauthorized", status: 401 });
    expect(`${String(failure)} ${JSON.stringify(failure)}`).not.toContain(wrong);
  });

  it("retries a 500 through the requester", async () => {
    standIns.inject("gitlab", { status: 500, path: "/api/v4/user" });
    await expect(gitlab.client.check(providerCall("gitlab", "token", { API_TOKEN: creds.token }))).resolves.toMatchObject({ externalId: "4001" });
  });
});

describe("gitlab oauth", () => {
  it("authorizeUrl sends the client, redirect, state and an S256 PKCE challenge to the chosen instance", () => {
    const url = new URL(flow.oauth.authorizeUrl({ state: "state-abc", codeChallenge: "challenge-xyz", redirectUri, baseUrl: "https://gitlab.acme.internal/" }));
    expect(`${url.origin}${url.pathname}`).toBe("https://gitlab.acme.internal/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: creds.clientId, redirect_uri: redirectUri, response_type: "code", scope: "read_api read_user", state: "state-abc", code_challenge: "challenge-xyz", code_challenge_method: "S256" });
    expect(flow.oauth.pkce).toBe(true);
  });

  it("exchange trades the code and verifier for tokens and names the user", async () => {
    const { result } = await connectWithOAuth(standIns.urls.gitlab);
    expect(result).toMatchObject({ name: "Jane Doe", externalId: "1001", config: { accountLogin: "jdoe" } });
    expect(result.config).not.toHaveProperty("botUserId");
    expect(result.credentials.ACCESS_TOKEN).toMatch(/^gloas-at-/);
    expect(result.credentials.REFRESH_TOKEN).toMatch(/^gloas-rt-/);
    expect((result.tokenExpiresAt!.getTime() - Date.now()) / 3600_000).toBeCloseTo(2, 1);
  });

  it("exchange with the wrong verifier is refused (PKCE checked)", async () => {
    const { code } = await approveAuthorization(flow.oauth.authorizeUrl({ state: "s", codeChallenge: pkce.codeChallengeS256(pkce.newCodeVerifier()), redirectUri }));
    await expect(flow.oauth.exchange({ code, codeVerifier: pkce.newCodeVerifier(), redirectUri })).rejects.toMatchObject({ kind: "unauthorized", message: expect.stringContaining("invalid_grant") });
  });

  it("refreshes an expired token before the call and saves the new pair", async () => {
    const { result } = await connectWithOAuth();
    const call = providerCall("gitlab", "oauth", result.credentials, { tokenExpiresAt: new Date(Date.now() - 1000) });
    const refreshes = standIns.state.oauthRefreshes("gitlab");
    await expect(gitlab.client.sync(call)).resolves.toHaveLength(3);
    expect(standIns.state.oauthRefreshes("gitlab")).toBe(refreshes + 1);
    expect(call.saved).toHaveLength(1);
    expect(call.saved[0]!.update.ACCESS_TOKEN).not.toBe(result.credentials.ACCESS_TOKEN);
    expect(call.saved[0]!.update.REFRESH_TOKEN).not.toBe(result.credentials.REFRESH_TOKEN);
    expect(call.saved[0]!.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("refreshes once when a token that should be valid is refused with 401", async () => {
    const { result } = await connectWithOAuth();
    standIns.servers.gitlab.oauth.expireAccessTokens();
    const call = providerCall("gitlab", "oauth", result.credentials, { tokenExpiresAt: new Date(Date.now() + 3600_000) });
    await expect(gitlab.client.check(call)).resolves.toMatchObject({ name: "Jane Doe" });
    expect(call.saved).toHaveLength(1);
    expect(call.credentials.ACCESS_TOKEN).toBe(call.saved[0]!.update.ACCESS_TOKEN);
  });

  it("concurrent calls of one connection share one refresh (GitLab rotates refresh tokens)", async () => {
    const { result } = await connectWithOAuth();
    const first = providerCall("gitlab", "oauth", result.credentials, { id: "conn_shared", tokenExpiresAt: new Date(0) });
    const second = providerCall("gitlab", "oauth", result.credentials, { id: "conn_shared", tokenExpiresAt: new Date(0) });
    const refreshes = standIns.state.oauthRefreshes("gitlab");
    await Promise.all([gitlab.client.sync(first), gitlab.client.check(second)]);
    expect(standIns.state.oauthRefreshes("gitlab")).toBe(refreshes + 1);
    expect(first.saved.length + second.saved.length).toBe(1);
    expect(second.credentials.ACCESS_TOKEN).toBe(first.credentials.ACCESS_TOKEN);
  });

  it("a revoked refresh token leaves the connection unauthorized", async () => {
    const call = providerCall("gitlab", "oauth", { ACCESS_TOKEN: "gloas-at-stale000000", REFRESH_TOKEN: "gloas-rt-revoked00000" }, { tokenExpiresAt: new Date(0) });
    await expect(gitlab.client.check(call)).rejects.toMatchObject({ kind: "unauthorized" });
    expect(call.saved).toHaveLength(0);
  });
});
