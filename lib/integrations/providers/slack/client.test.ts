// Slack's client, install flow and chat.postMessage through @slack/web-api against the
// Slack stand-in over loopback: auth.test, paginated conversations.list, messages that
// arrive, the OAuth v2 install, token rotation, rate limits and refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAuthorization, providerCall, startStandInsForClients, stopStandIns } from "../../../testing/provider-calls";
import { standInCredentials, type ProviderStandIns } from "../../../testing/provider-stand-ins";

const creds = standInCredentials.slack;
const redirectUri = "http://localhost:3000/api/integrations/oauth/slack/callback";
let standIns: ProviderStandIns;
let slack: typeof import("./client");
let post: typeof import("./post-message");
let flow: typeof import("./oauth");

beforeAll(async () => {
  standIns = await startStandInsForClients({ slackTokenRotation: true });
  slack = await import("./client");
  post = await import("./post-message");
  flow = await import("./oauth");
});

afterAll(() => stopStandIns(standIns));

const botCall = (token: string = creds.botToken, config: Record<string, unknown> = {}) => providerCall("slack", "oauth", { ACCESS_TOKEN: token }, { config });

async function install() {
  const { code, state } = await approveAuthorization(flow.oauth.authorizeUrl({ state: "install-state", codeChallenge: "unused", redirectUri }));
  expect(state).toBe("install-state");
  return flow.oauth.exchange({ code, codeVerifier: "unused", redirectUri });
}

describe("slack bot connections", () => {
  it("check names the workspace and keeps the bot's ids for the loop guard", async () => {
    const result = await slack.client.check(botCall());
    expect(result).toEqual({ name: "Acme", externalId: creds.teamId, tokenExpiresAt: null, config: { teamName: "Acme", workspaceUrl: "https://acme-standin.slack.com/", botUserId: creds.botUserId, botId: creds.botId } });
  });

  it("sync pages through conversations.list, public and private, without archived channels", async () => {
    const channels = await slack.client.sync(botCall(creds.botToken, { workspaceUrl: "https://acme-standin.slack.com/" }));
    expect(channels.map((channel) => channel.name)).toEqual(["#general", "#deploys", "#alerts", "#leadership"]);
    expect(channels[0]).toEqual({ kind: "channel", externalId: "C0GENERAL", name: "#general", url: "https://acme-standin.slack.com/archives/C0GENERAL" });
  });

  it("postSlackMessage delivers text and blocks to the channel", async () => {
    const blocks = [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "*octocat* opened <https://github.com/octocat/Hello-World/pull/1|#1>" } }];
    const answer = await post.postSlackMessage(botCall(), { channel: "C0DEPLOYS", text: "octocat opened #1", blocks });
    expect(answer.channel).toBe("C0DEPLOYS");
    expect(answer.ts).toMatch(/^\d+\.\d{6}$/);
    expect(standIns.state.slackMessages.at(-1)).toMatchObject({ channel: "C0DEPLOYS", text: "octocat opened #1", blocks, ts: answer.ts });
  });

  it("an unknown channel is not_found and nothing is posted", async () => {
    const before = standIns.state.slackMessages.length;
    await expect(post.postSlackMessage(botCall(), { channel: "C0NOPE", text: "hi" })).rejects.toMatchObject({ name: "ProviderError", kind: "not_found", message: "slack: channel_not_found" });
    expect(standIns.state.slackMessages).toHaveLength(before);
  });

  it("a wrong token is unauthorized and never appears in the error", async () => {
    const wrong = "xoxb-wrong-0000000000-ffffff";
    const failure = await slack.client.check(botCall(wrong)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: "unauthorized", message: "slack: invalid_auth" });
    expect(`${String(failure)} ${JSON.stringify(failure)} ${(failure as Error).stack}`).not.toContain(wrong);
  });

  it("waits out a 429's Retry-After once, then posts", async () => {
    standIns.inject("slack", { status: 429, retryAfter: 1, path: "/api/chat.postMessage" });
    const before = standIns.state.slackMessages.length;
    const started = Date.now();
    await post.postSlackMessage(botCall(), { channel: "C0ALERTS", text: "after the limit" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(standIns.state.slackMessages).toHaveLength(before + 1);
  });

  it("gives up with rate_limited and the wait when Slack keeps throttling", async () => {
    standIns.inject("slack", { status: 429, retryAfter: 1, times: 3, path: "/api/auth.test" });
    await expect(slack.client.check(botCall())).rejects.toMatchObject({ kind: "rate_limited", retryAfterSeconds: 1, transient: true });
  });
});

describe("slack oauth v2 install", () => {
  it("authorizeUrl asks for the bot scopes with state and redirect, and no PKCE", () => {
    const url = new URL(flow.oauth.authorizeUrl({ state: "st-1", codeChallenge: "ignored", redirectUri }));
    expect(`${url.origin}${url.pathname}`).toBe(`${standIns.urls.slackWeb}/oauth/v2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: creds.clientId, scope: "channels:read,groups:read,chat:write", redirect_uri: redirectUri, state: "st-1" });
    expect(flow.oauth.pkce).toBe(false);
  });

  it("exchange yields the bot token, the team and the bot's ids", async () => {
    const result = await install();
    expect(result).toMatchObject({ name: "Acme", externalId: creds.teamId, config: { botUserId: creds.botUserId, botId: creds.botId, appId: "A0STANDIN", workspaceUrl: "https://acme-standin.slack.com/" } });
    expect(result.credentials.ACCESS_TOKEN).toMatch(/^xoxe\.xoxb-/);
    expect(result.credentials.REFRESH_TOKEN).toMatch(/^xoxe-1-/);
    expect((result.tokenExpiresAt!.getTime() - Date.now()) / 3600_000).toBeCloseTo(12, 1);
  });

  it("a used code is refused", async () => {
    const { code } = await approveAuthorization(flow.oauth.authorizeUrl({ state: "s", codeChallenge: "", redirectUri }));
    await flow.oauth.exchange({ code, codeVerifier: "", redirectUri });
    await expect(flow.oauth.exchange({ code, codeVerifier: "", redirectUri })).rejects.toMatchObject({ kind: "unauthorized", message: "slack: invalid_code" });
  });

  it("an expired rotating token is refreshed before posting, and the new pair saved", async () => {
    const result = await install();
    standIns.servers.slack.expireAccessTokens();
    const call = providerCall("slack", "oauth", result.credentials, { tokenExpiresAt: new Date(Date.now() - 60_000) });
    await post.postSlackMessage(call, { channel: "C0GENERAL", text: "fresh token" });
    expect(call.saved).toHaveLength(1);
    expect(call.saved[0]!.update.ACCESS_TOKEN).not.toBe(result.credentials.ACCESS_TOKEN);
    expect(call.saved[0]!.update.REFRESH_TOKEN).not.toBe(result.credentials.REFRESH_TOKEN);
    expect(standIns.state.slackMessages.at(-1)).toMatchObject({ channel: "C0GENERAL", text: "fresh token" });
  });

  it("a token Slack says has expired is refreshed once when its stored expiry was wrong", async () => {
    const result = await install();
    standIns.servers.slack.expireAccessTokens();
    const call = providerCall("slack", "oauth", result.credentials, { tokenExpiresAt: new Date(Date.now() + 3600_000) });
    await expect(slack.client.check(call)).resolves.toMatchObject({ externalId: creds.teamId });
    expect(call.saved).toHaveLength(1);
  });
});
