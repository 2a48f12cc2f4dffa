// Tenancy and permissions on every connections route: another org's connection id is
// not found (and left unchanged), a member may read but not change anything, and an
// API key acts only in its own org with its scopes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { readSystemSecrets } from "../../secrets/system-secrets";
import { createTestApiKey } from "../../testing/api-key-fixtures";
import { describeWith } from "../../testing/describe";
import { orgWithMembers, signedInUser } from "../../testing/fixtures";
import { addMember } from "../../testing/org-fixtures";
import { startProviderStandIns, type ProviderStandIns } from "../../testing/provider-stand-ins";
import { loadIntegrations } from "./test-api";

let standIns: ProviderStandIns;
let load: Awaited<ReturnType<typeof loadIntegrations>>;

beforeAll(async () => {
  standIns = await startProviderStandIns();
  load = await loadIntegrations(standIns);
});
afterAll(() => standIns?.stop());

async function victimWithConnection() {
  const victim = await orgWithMembers();
  const { body } = await load.api(victim.org.slug, { cookie: victim.owner.cookie }).connect({ provider: "github", method: "token", token: standIns.credentials.github.token });
  await getDb().integrationResource.create({ data: { orgId: victim.org.id, connectionId: body.connection.id, kind: "repository", externalId: "9", name: "victim/repo" } });
  return { victim, connection: body.connection, webhookSecret: body.webhookSecret as string };
}

describeWith(["postgres", "redis"], "connections tenancy and permissions", () => {
  it("answers not found for another org's connection on every route and leaves it unchanged", async () => {
    const { victim, connection, webhookSecret } = await victimWithConnection();
    const attacker = await orgWithMembers();
    const own = load.api(attacker.org.slug, { cookie: attacker.owner.cookie });
    const answers = [
      await own.get(connection.id),
      await own.update(connection.id, { name: "pwned", status: "disabled" }),
      await own.check(connection.id),
      await own.rotateSecret(connection.id),
      await own.sync(connection.id),
      await own.resources(connection.id),
      await own.disconnect(connection.id),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 404, body: { error: { code: "not_found", message: "Integration not found" } } });
    expect((await own.list()).body.items).toEqual([]);

    // Through the victim's slug, the org itself is not found.
    const viaVictimSlug = load.api(victim.org.slug, { cookie: attacker.owner.cookie });
    for (const answer of [await viaVictimSlug.list(), await viaVictimSlug.get(connection.id), await viaVictimSlug.startOAuth("gitlab")]) {
      expect(answer).toMatchObject({ status: 404, body: { error: { message: "Organization not found" } } });
    }

    expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({ name: "octocat", status: "active" });
    expect(await readSystemSecrets(victim.org.id, `integration:${connection.id}`, ["WEBHOOK_SECRET"])).toEqual({ WEBHOOK_SECRET: webhookSecret });
    expect(await getDb().job.count({ where: { task: "integrations.sync", payload: { equals: { connectionId: connection.id } } } })).toBe(1);
  });

  it("lets a member read connections and resources but not connect, change, check, rotate, sync, disconnect or start OAuth", async () => {
    const { victim: team, connection } = await victimWithConnection();
    const member = await signedInUser();
    await addMember(team.org.id, member.user.id, "member");
    const api = load.api(team.org.slug, { cookie: member.cookie });
    expect((await api.list()).status).toBe(200);
    expect((await api.get(connection.id)).status).toBe(200);
    expect((await api.resources(connection.id)).body.items).toHaveLength(1);
    const refused = [
      await api.connect({ provider: "github", method: "token", token: standIns.credentials.github.token }),
      await api.update(connection.id, { status: "disabled" }),
      await api.check(connection.id),
      await api.rotateSecret(connection.id),
      await api.sync(connection.id),
      await api.disconnect(connection.id),
      await api.startOAuth("gitlab"),
    ];
    for (const answer of refused) expect(answer.status).toBe(403);
    expect(await getDb().integrationConnection.count({ where: { orgId: team.org.id } })).toBe(1);
  });

  it("accepts API keys with the integrations scopes in their own org, except for OAuth, which needs a browser session", async () => {
    const { victim: team, connection } = await victimWithConnection();
    const key = await createTestApiKey(team.org.id, team.owner.user.id, ["integrations:read", "integrations:manage"]);
    const readOnly = await createTestApiKey(team.org.id, team.owner.user.id, ["integrations:read"]);
    const api = load.api(team.org.slug, { authorization: key.authorization });
    expect((await api.list()).body.items.map((item: { id: string }) => item.id)).toEqual([connection.id]);
    expect((await api.update(connection.id, { name: "renamed by a script" })).body.name).toBe("renamed by a script");
    expect((await api.startOAuth("gitlab")).status).toBe(403);
    expect((await load.api(team.org.slug, { authorization: readOnly.authorization }).update(connection.id, { name: "x" })).status).toBe(403);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: team.org.id, action: "integration.updated" } });
    expect(event).toMatchObject({ actorType: "api_key", actorId: team.owner.user.id });
  });
});
