// OAuth connects end to end against the stand-ins: start (a state bound to the session,
// PKCE challenge, our own redirect URI), the provider's consent, the callback (code
// exchanged with the verifier, connection stored) and every way a callback is refused.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { SESSION_COOKIE } from "../../auth/session-cookie";
import { createSession } from "../../auth/sessions";
import { getDb } from "../../db";
import { readSystemSecrets } from "../../secrets/system-secrets";
import { describeWith } from "../../testing/describe";
import { orgWithMembers, signedInUser } from "../../testing/fixtures";
import { startProviderStandIns, type ProviderStandIns } from "../../testing/provider-stand-ins";
import { approveAtProvider, loadIntegrations } from "./test-api";

let standIns: ProviderStandIns;
let load: Awaited<ReturnType<typeof loadIntegrations>>;
const SIGNING_SECRET = "slack-signing-secret-for-tests";

beforeAll(async () => {
  standIns = await startProviderStandIns();
  load = await loadIntegrations(standIns, { SLACK_SIGNING_SECRET: SIGNING_SECRET });
});
afterAll(() => standIns?.stop());

async function started(provider: string, body: object = {}) {
  const admin = await orgWithMembers(["admin"]);
  const user = admin.members[0]!;
  const answer = await load.api(admin.org.slug, { cookie: user.cookie }).startOAuth(provider, body);
  expect(answer.status).toBe(200);
  return { ...admin, user, url: new URL(answer.body.url as string) };
}

const connectedId = (location: string | null, slug: string) => {
  const match = new RegExp(`^http://localhost:3000/orgs/${slug}/integrations/(con_[\\w-]+)\\?connected=1$`).exec(location ?? "");
  if (!match) throw new Error(`not a connected redirect: ${location}`);
  return match[1]!;
};

describeWith(["postgres", "redis"], "integration OAuth", () => {
  it("connects GitLab: state bound to the session, PKCE S256, our callback, tokens stored, audited", async () => {
    const { org, user, url } = await started("gitlab", { name: "GitLab (OAuth)" });
    expect(url.origin + url.pathname).toBe(`${standIns.urls.gitlab}/oauth/authorize`);
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/integrations/oauth/gitlab/callback");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const state = url.searchParams.get("state")!;
    const stored = await getDb().integrationOAuthState.findUniqueOrThrow({ where: { stateHash: createHash("sha256").update(state).digest("hex") } });
    expect(stored).toMatchObject({ orgId: org.id, userId: user.user.id, sessionId: user.session.sessionId, provider: "gitlab", settings: { name: "GitLab (OAuth)" } });
    expect(createHash("sha256").update(stored.codeVerifier!).digest("base64url")).toBe(url.searchParams.get("code_challenge"));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    const back = await approveAtProvider(url.toString());
    const answer = await load.callback(back, user.cookie);
    expect(answer.status).toBe(303);
    const id = connectedId(answer.location, org.slug);
    expect(answer.location).not.toContain("code=");

    const connection = await getDb().integrationConnection.findUniqueOrThrow({ where: { id } });
    expect(connection).toMatchObject({ orgId: org.id, provider: "gitlab", method: "oauth", name: "GitLab (OAuth)", createdById: user.user.id });
    expect(connection.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    const secrets = await readSystemSecrets(org.id, `integration:${id}`);
    expect(Object.keys(secrets).sort()).toEqual(["ACCESS_TOKEN", "REFRESH_TOKEN", "WEBHOOK_SECRET"]);
    expect(secrets.ACCESS_TOKEN).toMatch(/^gloas-/);
    expect(await getDb().integrationOAuthState.count({ where: { orgId: org.id } })).toBe(0);
    expect(await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "integration.connected" } })).toMatchObject({ targetId: id, metadata: { method: "oauth" } });
    expect(await getDb().job.count({ where: { uniqueKey: `integrations.sync:${id}:connected` } })).toBe(1);
  });

  it("uses a state once: the same callback again is refused and adds nothing", async () => {
    const { org, user, url } = await started("gitlab");
    const back = await approveAtProvider(url.toString());
    connectedId((await load.callback(back, user.cookie)).location, org.slug);
    const replay = await load.callback(back, user.cookie);
    expect(replay).toEqual({ status: 303, location: "http://localhost:3000/orgs?error=invalid_state" });
    expect(await getDb().integrationConnection.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("refuses a callback from another session of the same user, or another user, without naming the org", async () => {
    const { org, user, url } = await started("gitlab");
    const back = await approveAtProvider(url.toString());
    const session = await createSession(getDb(), { userId: user.user.id, method: "password", ip: "127.0.0.1", userAgent: "vitest" });
    const otherSession = `${SESSION_COOKIE}=${session.token}`;
    expect(await load.callback(back, otherSession)).toEqual({ status: 303, location: "http://localhost:3000/orgs?error=session_mismatch" });
    // The state is spent: the right session cannot use it afterwards either.
    expect((await load.callback(back, user.cookie)).location).toBe("http://localhost:3000/orgs?error=invalid_state");

    const second = await started("gitlab");
    const stranger = await signedInUser();
    expect((await load.callback(await approveAtProvider(second.url.toString()), stranger.cookie)).location).toBe("http://localhost:3000/orgs?error=session_mismatch");
    expect(await getDb().integrationConnection.count({ where: { orgId: { in: [org.id, second.org.id] } } })).toBe(0);
  });

  it("refuses an expired state, a demoted admin, a denied consent and a provider mismatch", async () => {
    const expired = await started("gitlab");
    await getDb().integrationOAuthState.updateMany({ where: { orgId: expired.org.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await load.callback(await approveAtProvider(expired.url.toString()), expired.user.cookie)).location).toBe(`http://localhost:3000/orgs/${expired.org.slug}/integrations?error=expired_state`);

    const demoted = await started("gitlab");
    await getDb().membership.update({ where: { id: demoted.user.membership.id }, data: { role: "member" } });
    expect((await load.callback(await approveAtProvider(demoted.url.toString()), demoted.user.cookie)).location).toBe(`http://localhost:3000/orgs/${demoted.org.slug}/integrations?error=forbidden`);

    const denied = await started("gitlab");
    const state = denied.url.searchParams.get("state")!;
    const deniedUrl = `http://localhost:3000/api/integrations/oauth/gitlab/callback?error=access_denied&state=${state}`;
    expect((await load.callback(deniedUrl, denied.user.cookie)).location).toBe(`http://localhost:3000/orgs/${denied.org.slug}/integrations?error=access_denied`);

    const mismatch = await started("gitlab");
    const back = new URL(await approveAtProvider(mismatch.url.toString()));
    const elsewhere = `http://localhost:3000/api/integrations/oauth/linear/callback${back.search}`;
    expect((await load.callback(elsewhere, mismatch.user.cookie)).location).toBe(`http://localhost:3000/orgs/${mismatch.org.slug}/integrations?error=invalid_state`);

    expect((await load.callback("http://localhost:3000/api/integrations/oauth/gitlab/callback?code=abc", expired.user.cookie)).location).toBe("http://localhost:3000/orgs?error=invalid_state");
    for (const { org } of [expired, demoted, denied, mismatch]) expect(await getDb().integrationConnection.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("refuses a code exchanged without the verifier its challenge was made from (PKCE checked)", async () => {
    const { org, user, url } = await started("gitlab");
    await getDb().integrationOAuthState.updateMany({ where: { orgId: org.id }, data: { codeVerifier: "a-verifier-of-an-attacker-0123456789012345678" } });
    const answer = await load.callback(await approveAtProvider(url.toString()), user.cookie);
    expect(answer.location).toBe(`http://localhost:3000/orgs/${org.slug}/integrations?error=provider_refused`);
    expect(await getDb().integrationConnection.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("connects Slack with its bot token; its webhooks verify with the app's signing secret", async () => {
    const { org, user, url } = await started("slack");
    const answer = await load.callback(await approveAtProvider(url.toString()), user.cookie);
    const id = connectedId(answer.location, org.slug);
    const connection = await getDb().integrationConnection.findUniqueOrThrow({ where: { id } });
    expect(connection).toMatchObject({ provider: "slack", method: "oauth", externalId: standIns.credentials.slack.teamId });
    const secrets = await readSystemSecrets(org.id, `integration:${id}`);
    expect(secrets.WEBHOOK_SECRET).toBe(SIGNING_SECRET);
    expect(Object.keys(secrets).sort()).toEqual(["ACCESS_TOKEN", "WEBHOOK_SECRET"]);
    expect(secrets.ACCESS_TOKEN).toMatch(/^xoxb-/);
    // There is no secret of Bastion's making to rotate.
    expect((await load.api(org.slug, { cookie: user.cookie }).rotateSecret(id)).status).toBe(422);
  });

  it("refuses to start an unconfigured flow, or a base URL where the provider takes none", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    expect((await api.startOAuth("linear", { baseUrl: "https://linear.example" })).status).toBe(422);
    expect((await api.startOAuth("nope")).status).toBe(422);
    const bare = await loadIntegrations(standIns, { GITLAB_OAUTH_CLIENT_ID: "", GITLAB_OAUTH_CLIENT_SECRET: "" });
    const refused = await bare.api(org.slug, { cookie: owner.cookie }).startOAuth("gitlab");
    expect(refused).toMatchObject({ status: 422, body: { error: { message: "GitLab OAuth is not configured on this Bastion" } } });
    expect((await bare.api(org.slug, { cookie: owner.cookie }).list()).body.oauth).toMatchObject({ gitlab: false, github: true });
    expect(await getDb().integrationOAuthState.count({ where: { orgId: org.id } })).toBe(0);
  });
});
