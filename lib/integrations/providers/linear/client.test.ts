// Linear's client through @linear/sdk (LinearSdk over our GraphQL transport) and its
// OAuth flow against the Linear stand-in over loopback: API keys, OAuth with PKCE,
// refresh, cursor pagination, retries and refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAuthorization, providerCall, startStandInsForClients, stopStandIns } from "../../../testing/provider-calls";
import { standInCredentials, type ProviderStandIns } from "../../../testing/provider-stand-ins";

const creds = standInCredentials.linear;
const redirectUri = "http://localhost:3000/api/integrations/oauth/linear/callback";
let standIns: ProviderStandIns;
let linear: typeof import("./client");
let flow: typeof import("./oauth");
let pkce: typeof import("../pkce");

beforeAll(async () => {
  standIns = await startStandInsForClients();
  linear = await import("./client");
  flow = await import("./oauth");
  pkce = await import("../pkce");
});

afterAll(() => stopStandIns(standIns));

const keyCall = (apiKey: string = creds.apiKey, config: Record<string, unknown> = {}) => providerCall("linear", "api_key", { API_TOKEN: apiKey }, { config });

async function oauthConnection() {
  const verifier = pkce.newCodeVerifier();
  const { code } = await approveAuthorization(flow.oauth.authorizeUrl({ state: "st", codeChallenge: pkce.codeChallengeS256(verifier), redirectUri }));
  return flow.oauth.exchange({ code, codeVerifier: verifier, redirectUri });
}

describe("linear with an API key", () => {
  it("check names the workspace and keeps its URL key", async () => {
    const result = await linear.client.check(keyCall());
    expect(result).toEqual({ name: "Acme", externalId: "2b3c4d5e-org-0001", tokenExpiresAt: null, config: { organizationUrlKey: "acme", accountId: "8f9c2a8e-user-0001" } });
  });

  it("sync follows the teams cursor to the last page and links each team", async () => {
    const teams = await linear.client.sync(keyCall(creds.apiKey, { organizationUrlKey: "acme" }));
    expect(teams).toEqual([
      { kind: "team", externalId: "team-eng-0001", name: "Engineering", url: `${standIns.urls.linearWeb}/acme/team/ENG` },
      { kind: "team", externalId: "team-des-0002", name: "Design", url: `${standIns.urls.linearWeb}/acme/team/DES` },
      { kind: "team", externalId: "team-ops-0003", name: "Operations", url: `${standIns.urls.linearWeb}/acme/team/OPS` },
    ]);
  });

  it("reads Linear's typed authentication error as unauthorized, without the key", async () => {
    const wrong = "lin_api_wrongwrongwrong012345";
    const failure = await linear.client.check(keyCall(wrong)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "ProviderError", kind: "unauthorized", status: 400, message: expect.stringContaining("Authentication required") });
    expect(`${String(failure)} ${JSON.stringify(failure)}`).not.toContain(wrong);
  });

  it("retries a 429 after its Retry-After", async () => {
    // The previous test's check gave up at its first refusal while its parallel queries were
    // still in flight; one full call lets those land before the fault is armed for this one.
    await linear.client.check(keyCall());
    standIns.inject("linear", { status: 429, retryAfter: 1, path: "/graphql" });
    const started = Date.now();
    await expect(linear.client.check(keyCall())).resolves.toMatchObject({ name: "Acme" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});

describe("linear oauth", () => {
  it("authorizeUrl carries the client, redirect, state and S256 challenge", () => {
    const url = new URL(flow.oauth.authorizeUrl({ state: "state-9", codeChallenge: "chal", redirectUri }));
    expect(`${url.origin}${url.pathname}`).toBe(`${standIns.urls.linearWeb}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: creds.clientId, redirect_uri: redirectUri, response_type: "code", scope: "read", state: "state-9", code_challenge: "chal", code_challenge_method: "S256", prompt: "consent" });
  });

  it("exchange stores the token pair and names the workspace", async () => {
    const result = await oauthConnection();
    expect(result).toMatchObject({ name: "Acme", externalId: "2b3c4d5e-org-0001", config: { organizationUrlKey: "acme" } });
    expect(result.credentials.ACCESS_TOKEN).toMatch(/^lin_oauth_at-/);
    expect(result.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });

  it("exchange without the matching verifier is refused", async () => {
    const { code } = await approveAuthorization(flow.oauth.authorizeUrl({ state: "s", codeChallenge: pkce.codeChallengeS256("a".repeat(43)), redirectUri }));
    await expect(flow.oauth.exchange({ code, codeVerifier: "b".repeat(43), redirectUri })).rejects.toMatchObject({ kind: "unauthorized" });
  });

  it("sync refreshes a refused token once and saves the new pair", async () => {
    const result = await oauthConnection();
    standIns.servers.linear.oauth.expireAccessTokens();
    const call = providerCall("linear", "oauth", result.credentials, { config: result.config!, tokenExpiresAt: result.tokenExpiresAt });
    await expect(linear.client.sync(call)).resolves.toHaveLength(3);
    expect(call.saved.map((saved) => Object.keys(saved.update).sort())).toEqual([["ACCESS_TOKEN", "REFRESH_TOKEN"]]);
    await expect(linear.client.check(call)).resolves.toMatchObject({ name: "Acme" });
    expect(call.saved).toHaveLength(1);
  });
});
