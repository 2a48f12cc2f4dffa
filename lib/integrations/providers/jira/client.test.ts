// Jira's client through jira.js (axios over our fetch) and the 3LO flow against the
// Atlassian stand-in over loopback: Cloud with an API token, Data Center with a personal
// access token, Cloud over OAuth with rotating refresh tokens, retries and refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAuthorization, providerCall, startStandInsForClients, stopStandIns } from "../../../testing/provider-calls";
import { standInCredentials, type ProviderStandIns } from "../../../testing/provider-stand-ins";

const creds = standInCredentials.jira;
const redirectUri = "http://localhost:3000/api/integrations/oauth/jira/callback";
let standIns: ProviderStandIns;
let jira: typeof import("./client");
let flow: typeof import("./oauth");

beforeAll(async () => {
  standIns = await startStandInsForClients();
  jira = await import("./client");
  flow = await import("./oauth");
});

afterAll(() => stopStandIns(standIns));

const cloudCall = (apiToken: string = creds.apiToken) => providerCall("jira", "api_key", { EMAIL: creds.email, API_TOKEN: apiToken }, { baseUrl: standIns.urls.jiraSite });
const dataCenterCall = () => providerCall("jira", "token", { API_TOKEN: creds.personalAccessToken }, { baseUrl: standIns.urls.jiraDataCenter });

async function oauthConnection() {
  const { code } = await approveAuthorization(flow.oauth.authorizeUrl({ state: "st", codeChallenge: "unused", redirectUri }));
  return flow.oauth.exchange({ code, codeVerifier: "unused", redirectUri });
}

describe("jira cloud with an API token", () => {
  it("check names the site and records the deployment", async () => {
    const result = await jira.client.check(cloudCall());
    expect(result).toMatchObject({ name: new URL(standIns.urls.jiraSite).host, externalId: null, tokenExpiresAt: null, config: { deployment: "cloud", siteUrl: standIns.urls.jiraSite, accountId: "5b10ac8d82e05b22cc7d4ef5" } });
  });

  it("sync pages through project search with links to each project", async () => {
    const projects = await jira.client.sync(cloudCall());
    expect(projects.map((project) => project.name)).toEqual(["Engineering", "Operations", "Support"]);
    expect(projects[0]).toEqual({ kind: "project", externalId: "10000", name: "Engineering", url: `${standIns.urls.jiraSite}/browse/ENG` });
  });

  it("refuses a wrong API token without echoing it", async () => {
    const wrong = "ATATT-wrong-0123456789abcdef";
    const failure = await jira.client.check(cloudCall(wrong)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "ProviderError", kind: "unauthorized", status: 401, message: expect.stringContaining("not authenticated") });
    expect(`${String(failure)} ${JSON.stringify(failure)}`).not.toContain(wrong);
    expect(`${String(failure)}`).not.toContain(Buffer.from(`${creds.email}:${wrong}`).toString("base64"));
  });

  it("retries a 429 honouring Retry-After through axios", async () => {
    standIns.inject("atlassian", { status: 429, retryAfter: 1, path: "/site/rest/api/3/myself" });
    const started = Date.now();
    await expect(jira.client.check(cloudCall())).resolves.toMatchObject({ config: { deployment: "cloud" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});

describe("jira data center", () => {
  it("check uses REST API v2 with the personal access token", async () => {
    const result = await jira.client.check(dataCenterCall());
    expect(result).toMatchObject({ name: "Acme Jira", externalId: null, config: { deployment: "datacenter", accountId: "JIRAUSER10000" } });
  });

  it("sync lists every project", async () => {
    const projects = await jira.client.sync(dataCenterCall());
    expect(projects.map((project) => project.url)).toEqual(["ENG", "OPS", "SUP"].map((key) => `${standIns.urls.jiraDataCenter}/browse/${key}`));
  });

  it("refuses a connection without a base URL", async () => {
    await expect(jira.client.check(providerCall("jira", "token", { API_TOKEN: creds.personalAccessToken }))).rejects.toMatchObject({ kind: "failed", message: expect.stringContaining("base URL") });
  });
});

describe("jira cloud over oauth (3LO)", () => {
  it("authorizeUrl asks Atlassian for offline access, with state and redirect, and no PKCE", () => {
    const url = new URL(flow.oauth.authorizeUrl({ state: "state-1", codeChallenge: "ignored", redirectUri }));
    expect(`${url.origin}${url.pathname}`).toBe(`${standIns.urls.atlassianAuth}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ audience: "api.atlassian.com", client_id: creds.clientId, scope: "read:jira-work read:jira-user offline_access", redirect_uri: redirectUri, state: "state-1", response_type: "code", prompt: "consent" });
    expect(flow.oauth.pkce).toBe(false);
  });

  it("exchange finds the granted site and its cloud id", async () => {
    const result = await oauthConnection();
    expect(result).toMatchObject({ name: "acme", externalId: creds.cloudId, config: { deployment: "cloud", cloudId: creds.cloudId, siteUrl: standIns.urls.jiraSite } });
    expect(Object.keys(result.credentials).sort()).toEqual(["ACCESS_TOKEN", "REFRESH_TOKEN"]);
  });

  it("check and sync go through the API gateway with the cloud id", async () => {
    const result = await oauthConnection();
    const call = providerCall("jira", "oauth", result.credentials, { externalId: result.externalId, config: result.config!, tokenExpiresAt: result.tokenExpiresAt });
    await expect(jira.client.check(call)).resolves.toMatchObject({ externalId: creds.cloudId, config: { cloudId: creds.cloudId } });
    await expect(jira.client.sync(call)).resolves.toHaveLength(3);
    expect(standIns.servers.atlassian.received.some((request) => request.path === `/ex/jira/${creds.cloudId}/rest/api/3/project/search`)).toBe(true);
  });

  it("a refused access token is refreshed and the rotated refresh token saved", async () => {
    const result = await oauthConnection();
    standIns.servers.atlassian.oauth.expireAccessTokens();
    const call = providerCall("jira", "oauth", result.credentials, { config: result.config!, tokenExpiresAt: new Date(Date.now() + 3600_000) });
    await expect(jira.client.sync(call)).resolves.toHaveLength(3);
    expect(call.saved).toHaveLength(1);
    expect(call.saved[0]!.update.REFRESH_TOKEN).not.toBe(result.credentials.REFRESH_TOKEN);
    // The old refresh token was retired by the rotation.
    const stale = providerCall("jira", "oauth", { ACCESS_TOKEN: "atl-at-stale0000", REFRESH_TOKEN: result.credentials.REFRESH_TOKEN! }, { config: result.config!, tokenExpiresAt: new Date(0) });
    await expect(jira.client.check(stale)).rejects.toMatchObject({ kind: "unauthorized" });
  });
});
