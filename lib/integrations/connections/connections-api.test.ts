// The connections API as a client uses it, against the provider stand-ins: connect with
// each token method (checked at the provider first), list and read without credentials,
// rename, disable, check, rotate the webhook secret, disconnect.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { putSystemSecrets, readSystemSecrets, systemSecretKey } from "../../secrets/system-secrets";
import { describeWith } from "../../testing/describe";
import { orgWithMembers } from "../../testing/fixtures";
import { startProviderStandIns, type ProviderStandIns } from "../../testing/provider-stand-ins";
import { answers, loadIntegrations } from "./test-api";
import { rowsText } from "../../testing/rows-text";

let standIns: ProviderStandIns;
let load: Awaited<ReturnType<typeof loadIntegrations>>;

beforeAll(async () => {
  standIns = await startProviderStandIns();
  load = await loadIntegrations(standIns);
});
afterAll(() => standIns?.stop());

const scopeOf = (id: string) => `integration:${id}` as const;

describeWith(["postgres", "redis"], "connections API", () => {
  it("connects GitHub with a token: checked at GitHub, credentials and a webhook secret stored, shown once, audited, first sync queued", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const token = standIns.credentials.github.token;
    const created = await api.connect({ provider: "github", method: "token", token });
    expect(created.status).toBe(201);
    const { connection, webhookSecret } = created.body;
    expect(connection).toMatchObject({ provider: "github", method: "token", name: "octocat", externalId: "583231", status: "active", baseUrl: null });
    expect(connection.webhookUrl).toBe(`http://localhost:3000/api/webhooks/github/${connection.id}`);
    expect(new Date(connection.tokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(connection)).not.toContain(token);

    expect(await readSystemSecrets(org.id, scopeOf(connection.id))).toEqual({ API_TOKEN: token, WEBHOOK_SECRET: webhookSecret });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "integration.connected" } });
    expect(audit).toMatchObject({ actorId: owner.user.id, targetId: connection.id, metadata: { provider: "github", method: "token", name: "octocat" } });
    expect(rowsText(audit)).not.toContain(token);
    expect(rowsText(audit)).not.toContain(webhookSecret);
    const jobs = await getDb().job.findMany({ where: { task: "integrations.sync", uniqueKey: `integrations.sync:${connection.id}:connected` } });
    expect(jobs.map((job) => job.payload)).toEqual([{ connectionId: connection.id }]);

    const list = await api.list();
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([connection.id]);
    expect(list.body.oauth).toEqual({ github: true, gitlab: true, jira: true, linear: true, slack: true });
    const one = await api.get(connection.id);
    expect(one.body).toEqual(connection);
    // Neither the token nor the webhook secret appears in any read.
    for (const { answer } of answers) {
      expect(JSON.stringify(answer.body)).not.toContain(token);
      expect(JSON.stringify(answer.body)).not.toContain(webhookSecret);
    }
  });

  // GitHub App installations: installation.test.ts (one file, since the stand-in has one installation).
  it("connects every other token method against its provider", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const c = standIns.credentials;
    const cases = [
      { body: { provider: "gitlab", method: "token", token: c.gitlab.token, baseUrl: `${standIns.urls.gitlab}/` }, secrets: { API_TOKEN: c.gitlab.token }, baseUrl: standIns.urls.gitlab },
      { body: { provider: "jira", method: "api_key", baseUrl: standIns.urls.jiraSite, email: c.jira.email, token: c.jira.apiToken }, secrets: { EMAIL: c.jira.email, API_TOKEN: c.jira.apiToken } },
      { body: { provider: "jira", method: "token", baseUrl: standIns.urls.jiraDataCenter, token: c.jira.personalAccessToken, name: "Jira DC" }, secrets: { API_TOKEN: c.jira.personalAccessToken }, name: "Jira DC" },
      { body: { provider: "linear", method: "api_key", token: c.linear.apiKey }, secrets: { API_TOKEN: c.linear.apiKey } },
    ];
    for (const testCase of cases) {
      const created = await api.connect(testCase.body);
      expect({ case: testCase.body.method, status: created.status, body: created.status === 201 ? "ok" : created.body }).toEqual({ case: testCase.body.method, status: 201, body: "ok" });
      const { connection, webhookSecret } = created.body;
      expect(connection).toMatchObject({ provider: testCase.body.provider, method: testCase.body.method, status: "active" });
      if (testCase.baseUrl) expect(connection.baseUrl).toBe(testCase.baseUrl);
      if (testCase.name) expect(connection.name).toBe(testCase.name);
      expect(connection.name.length).toBeGreaterThan(0);
      expect(await readSystemSecrets(org.id, scopeOf(connection.id))).toEqual({ ...testCase.secrets, WEBHOOK_SECRET: webhookSecret });
    }
    expect((await api.list()).body.items).toHaveLength(cases.length);
  });

  it("refuses credentials the provider refuses, naming its refusal but not the token, and stores nothing", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const badToken = "github_pat_definitely_not_valid_0123456789";
    const refused = await api.connect({ provider: "github", method: "token", token: badToken });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "invalid_request", details: { provider: "github", reason: "unauthorized" } });
    expect(refused.body.error.message).toMatch(/^GitHub refused the token \(401\): check it has not expired.*Bad credentials/);
    expect(JSON.stringify(refused.body)).not.toContain(badToken);
    const badLinear = await api.connect({ provider: "linear", method: "api_key", token: "lin_api_wrong0123456789" });
    expect(badLinear.status).toBe(422);
    expect(JSON.stringify(badLinear.body)).not.toContain("lin_api_wrong0123456789");

    expect(await getDb().integrationConnection.count({ where: { orgId: org.id } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: { startsWith: "integration." } } })).toBe(0);
    // The provider is asked before any transaction opens: nothing of the attempt is stored.
    expect(await getDb().secret.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("validates bodies: unknown providers, OAuth-only methods, bad base URLs", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    for (const body of [
      { provider: "slack", method: "oauth" },
      { provider: "linear", method: "oauth", token: "lin_api_x0123456789" },
      { provider: "jira", method: "api_key", email: "a@b.test", token: "abcdefghij" },
      { provider: "gitlab", method: "token", token: "glpat-abcdefghijkl", baseUrl: "ftp://gitlab.local" },
      { provider: "gitlab", method: "token", token: "glpat-abcdefghijkl", baseUrl: "https://user:pw@gitlab.local" },
      { provider: "github", method: "app", installationId: "12; DROP" },
    ]) {
      const answer = await api.connect(body);
      expect({ body, status: answer.status, code: answer.body.error.code }).toEqual({ body, status: 422, code: "invalid_request" });
    }
    expect(await getDb().integrationConnection.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("renames, disables and enables a connection, each audited; a disabled one is not synced", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const { body } = await api.connect({ provider: "linear", method: "api_key", token: standIns.credentials.linear.apiKey });
    const id = body.connection.id;
    expect((await api.update(id, { name: "Linear (eng)" })).body).toMatchObject({ name: "Linear (eng)", status: "active" });
    expect((await api.update(id, { status: "disabled" })).body.status).toBe("disabled");
    expect((await api.sync(id)).status).toBe(409);
    expect((await api.update(id, { status: "active" })).body.status).toBe("active");
    expect((await api.update(id, {})).status).toBe(422);
    const actions = await getDb().auditEvent.findMany({ where: { orgId: org.id, targetId: id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(["integration.connected", "integration.updated", "integration.disabled", "integration.enabled"]);
  });

  it("checks a connection at the provider and records the outcome", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const { body } = await api.connect({ provider: "gitlab", method: "token", token: standIns.credentials.gitlab.token });
    const id = body.connection.id;
    const ok = await api.check(id);
    expect(ok.body).toMatchObject({ ok: true, error: null, connection: { id, lastError: null } });

    // The token is revoked at GitLab (here: replaced by one GitLab does not know).
    const dataKey = await systemSecretKey(org.id);
    await getDb().$transaction((tx) => putSystemSecrets(tx, dataKey, { orgId: org.id, scope: scopeOf(id), values: { API_TOKEN: "glpat-revoked-000000000000" }, actorUserId: null }));
    const failed = await api.check(id);
    expect(failed.status).toBe(200);
    expect(failed.body.ok).toBe(false);
    expect(failed.body.error).toMatch(/401/);
    expect(failed.body.connection.lastError).toBe(failed.body.error);
    expect(failed.body.connection.lastErrorAt).not.toBeNull();
    expect(JSON.stringify(failed.body)).not.toContain("glpat-revoked");
    const checks = await getDb().auditEvent.findMany({ where: { orgId: org.id, action: "integration.checked" }, orderBy: { createdAt: "asc" } });
    expect(checks.map((event) => (event.metadata as { ok: boolean }).ok)).toEqual([true, false]);
  });

  it("rotates the webhook secret: the new one is returned once and replaces the old", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const { body } = await api.connect({ provider: "github", method: "token", token: standIns.credentials.github.token });
    const rotated = await api.rotateSecret(body.connection.id);
    expect(rotated.status).toBe(200);
    expect(rotated.body.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.body.webhookSecret).not.toBe(body.webhookSecret);
    expect(await readSystemSecrets(org.id, scopeOf(body.connection.id), ["WEBHOOK_SECRET"])).toEqual({ WEBHOOK_SECRET: rotated.body.webhookSecret });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "integration.webhook_secret_rotated" } });
    expect(rowsText(audit)).not.toContain(rotated.body.webhookSecret);
  });

  it("sets a secret the provider issued (Linear's signing secret): stored, audited, never echoed", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const api = load.api(org.slug, { cookie: owner.cookie });
    const { body } = await api.connect({ provider: "github", method: "token", token: standIns.credentials.github.token });
    const issued = "lin_wh_0123456789abcdefABCDEF";
    const set = await api.setSecret(body.connection.id, { secret: issued });
    expect(set.status).toBe(200);
    expect(JSON.stringify(set.body)).not.toContain(issued);
    expect(await readSystemSecrets(org.id, scopeOf(body.connection.id), ["WEBHOOK_SECRET"])).toEqual({ WEBHOOK_SECRET: issued });
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "integration.webhook_secret_set" } })).toBe(1);
    expect((await api.setSecret(body.connection.id, { secret: "short" })).status).toBe(422);
    expect((await load.api(org.slug, { cookie: members[0]!.cookie }).setSecret(body.connection.id, { secret: issued })).status).toBe(403);
  });

  it("disconnects: the Secret rows, the connection, its resources and its rules are gone, audited", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const { body } = await api.connect({ provider: "github", method: "token", token: standIns.credentials.github.token });
    const id = body.connection.id;
    await getDb().integrationResource.create({ data: { orgId: org.id, connectionId: id, kind: "repository", externalId: "1", name: "octocat/x" } });
    await getDb().notificationRule.create({ data: { orgId: org.id, name: "r", source: "github", eventTypes: [], slackConnectionId: id, channelId: "C1", channelName: "general" } });
    expect(await getDb().secret.count({ where: { orgId: org.id, scope: scopeOf(id) } })).toBe(2);

    const answer = await api.disconnect(id);
    expect(answer.status).toBe(204);
    expect(await getDb().secret.count({ where: { orgId: org.id, scope: scopeOf(id) } })).toBe(0);
    expect(await getDb().secretVersion.count({ where: { secret: { orgId: org.id, scope: scopeOf(id) } } })).toBe(0);
    expect(await getDb().integrationConnection.count({ where: { id } })).toBe(0);
    expect(await getDb().integrationResource.count({ where: { connectionId: id } })).toBe(0);
    expect(await getDb().notificationRule.count({ where: { orgId: org.id } })).toBe(0);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "integration.disconnected" } });
    expect(audit).toMatchObject({ targetId: id, metadata: { provider: "github", rulesRemoved: 1 } });
    expect((await api.get(id)).status).toBe(404);
    expect((await api.disconnect(id)).status).toBe(404);
  });
});
