// GitHub App installations, by id through the API and by the install round trip through
// the callback. One file: the stand-in has one installation, and it belongs to one org.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { getDb } from "../../db";
import { readSystemSecrets } from "../../secrets/system-secrets";
import { describeWith } from "../../testing/describe";
import { orgWithMembers } from "../../testing/fixtures";
import { startProviderStandIns, type ProviderStandIns } from "../../testing/provider-stand-ins";
import { loadIntegrations } from "./test-api";

let standIns: ProviderStandIns;
let load: Awaited<ReturnType<typeof loadIntegrations>>;
let installationId: number;

beforeAll(async () => {
  standIns = await startProviderStandIns();
  load = await loadIntegrations(standIns);
  installationId = standIns.credentials.github.installationId;
});
afterAll(() => standIns?.stop());
// Each test starts with the installation connected nowhere.
beforeEach(() => getDb().integrationConnection.deleteMany({ where: { provider: "github", method: "app", externalId: String(installationId) } }));

const callbackUrl = (query: string) => `http://localhost:3000/api/integrations/oauth/github/callback?${query}`;
const stateOf = (url: string) => new URL(url).searchParams.get("state")!;

describeWith(["postgres", "redis"], "GitHub App installations", () => {
  it("connects an installation by id: the App mints a token, the bot's id is kept, the installation's repositories sync", async () => {
    const { org, owner } = await orgWithMembers();
    const created = await load.api(org.slug, { cookie: owner.cookie }).connect({ provider: "github", method: "app", installationId });
    expect(created.status).toBe(201);
    const { connection, webhookSecret } = created.body;
    expect(connection).toMatchObject({ provider: "github", method: "app", externalId: String(installationId), name: "acme-org" });
    expect(await readSystemSecrets(org.id, `integration:${connection.id}`)).toEqual({ WEBHOOK_SECRET: webhookSecret });
    const row = await getDb().integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    // Events the App's own bot causes are recognised by this id (the loop guard).
    expect(row.config).toMatchObject({ botUserId: "7001", installationId });

    expect(await load.domain.sync.syncConnection(connection.id)).toEqual({ status: "synced", resources: 3, removed: 0 });
    const names = (await getDb().integrationResource.findMany({ where: { connectionId: connection.id } })).map((resource) => resource.name).sort();
    expect(names).toEqual(["acme-org/api", "acme-org/infra", "acme-org/web"]);
  });

  it("gives an installation to one org only", async () => {
    const first = await orgWithMembers();
    const second = await orgWithMembers();
    const body = { provider: "github", method: "app", installationId };
    const connected = await load.api(first.org.slug, { cookie: first.owner.cookie }).connect(body);
    expect(connected.status).toBe(201);
    const again = await load.api(first.org.slug, { cookie: first.owner.cookie }).connect(body);
    expect(again).toMatchObject({ status: 409, body: { error: { code: "conflict", details: { connectionId: connected.body.connection.id } } } });
    const elsewhere = await load.api(second.org.slug, { cookie: second.owner.cookie }).connect(body);
    expect(elsewhere).toMatchObject({ status: 409, body: { error: { message: "This GitHub App installation is connected to another organization" } } });
    expect(JSON.stringify(elsewhere.body)).not.toContain(first.org.id);
    expect(await getDb().integrationConnection.count({ where: { orgId: second.org.id } })).toBe(0);
    expect(await getDb().secret.count({ where: { orgId: second.org.id } })).toBe(0);
    // Unknown to the App: GitHub's refusal, nothing stored.
    const unknown = await load.api(second.org.slug, { cookie: second.owner.cookie }).connect({ ...body, installationId: 99 });
    expect(unknown).toMatchObject({ status: 422, body: { error: { details: { provider: "github", reason: "not_found" } } } });
  });

  it("installs through GitHub's install page and back: a second visit (configure) reuses the connection", async () => {
    const { org, members } = await orgWithMembers(["admin"]);
    const admin = members[0]!;
    const api = load.api(org.slug, { cookie: admin.cookie });
    const start = (await api.startOAuth("github")).body.url as string;
    expect(start).toMatch(new RegExp(`^${standIns.urls.githubWeb}/apps/${standIns.credentials.github.appSlug}/installations/new\\?state=`));
    const installed = await load.callback(callbackUrl(`installation_id=${installationId}&setup_action=install&state=${stateOf(start)}`), admin.cookie);
    const match = new RegExp(`^http://localhost:3000/orgs/${org.slug}/integrations/(con_[\\w-]+)\\?connected=1$`).exec(installed.location ?? "");
    expect(installed.status).toBe(303);
    const id = match![1]!;
    expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id } })).toMatchObject({ provider: "github", method: "app", externalId: String(installationId), createdById: admin.user.id });

    const again = (await api.startOAuth("github")).body.url as string;
    const configured = await load.callback(callbackUrl(`installation_id=${installationId}&setup_action=update&state=${stateOf(again)}`), admin.cookie);
    expect(configured.location).toBe(`http://localhost:3000/orgs/${org.slug}/integrations/${id}?connected=1`);
    expect(await getDb().integrationConnection.count({ where: { orgId: org.id } })).toBe(1);

    // An install a non-owner only requested: nothing to connect yet.
    const pending = (await api.startOAuth("github")).body.url as string;
    expect((await load.callback(callbackUrl(`setup_action=request&state=${stateOf(pending)}`), admin.cookie)).location).toBe(`http://localhost:3000/orgs/${org.slug}/integrations?error=installation_pending`);
  });

  it("refuses an install callback naming an installation another org holds", async () => {
    const holder = await orgWithMembers();
    await load.api(holder.org.slug, { cookie: holder.owner.cookie }).connect({ provider: "github", method: "app", installationId });
    const { org, owner } = await orgWithMembers();
    const start = (await load.api(org.slug, { cookie: owner.cookie }).startOAuth("github")).body.url as string;
    const answer = await load.callback(callbackUrl(`installation_id=${installationId}&setup_action=install&state=${stateOf(start)}`), owner.cookie);
    expect(answer.location).toBe(`http://localhost:3000/orgs/${org.slug}/integrations?error=conflict`);
    expect(await getDb().integrationConnection.count({ where: { orgId: org.id } })).toBe(0);
  });
});
