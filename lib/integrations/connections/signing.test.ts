// Unsigned Jira webhooks, chosen by an admin through the API: Data Center only, the secret
// removed and the choice audited; unsigned deliveries are then accepted for that connection
// and refused for every other one; a new webhook secret signs them again.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { readSystemSecrets } from "../../secrets/system-secrets";
import { describeWith } from "../../testing/describe";
import { orgWithMembers } from "../../testing/fixtures";
import { createTestConnection } from "../../testing/integration-fixtures";
import { startProviderStandIns, type ProviderStandIns } from "../../testing/provider-stand-ins";
import { jiraHeaders, providerFixture } from "../../testing/signed-webhooks";
import { postWebhook, storedFor } from "../webhooks/test-webhooks";
import { loadIntegrations } from "./test-api";

let standIns: ProviderStandIns;
let load: Awaited<ReturnType<typeof loadIntegrations>>;
beforeAll(async () => {
  standIns = await startProviderStandIns();
  load = await loadIntegrations(standIns);
});
afterAll(() => standIns?.stop());

const SECRET = "jira-webhook-secret-0123456789";
const body = providerFixture("jira", "issue-updated.json");
const unsignedPost = (connectionId: string) => postWebhook("jira", connectionId, body, jiraHeaders(body, null, { deliveryId: crypto.randomUUID() }));

describeWith(["postgres", "redis"], "unsigned Jira webhooks", () => {
  it("a Data Center connection made unsigned drops its secret, is audited and accepts unsigned deliveries", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const dataCenter = await createTestConnection(org.id, "jira", { API_TOKEN: "dc-personal-token-0123", WEBHOOK_SECRET: SECRET }, { method: "token", baseUrl: "https://jira.example.test" });
    expect((await unsignedPost(dataCenter.id)).status).toBe(401);

    const answer = await api.update(dataCenter.id, { webhookUnsigned: true });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: dataCenter.id, webhookUnsigned: true });
    expect(await readSystemSecrets(org.id, `integration:${dataCenter.id}`)).toEqual({ API_TOKEN: "dc-personal-token-0123" });
    expect(await getDb().auditEvent.findFirst({ where: { orgId: org.id, action: "integration.webhook_unsigned", targetId: dataCenter.id } })).toMatchObject({ actorId: owner.user.id });

    expect((await unsignedPost(dataCenter.id)).status).toBe(202);
    expect((await storedFor(dataCenter.id)).deliveries).toHaveLength(1);

    // Switching back is a new secret, shown once; unsigned deliveries are refused again.
    expect((await api.update(dataCenter.id, { webhookUnsigned: false })).status).toBe(422);
    const rotated = await api.rotateSecret(dataCenter.id);
    expect(rotated.status).toBe(200);
    expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id: dataCenter.id } })).toMatchObject({ webhookUnsigned: false });
    expect((await unsignedPost(dataCenter.id)).status).toBe(401);
    const signed = postWebhook("jira", dataCenter.id, body, jiraHeaders(body, rotated.body.webhookSecret));
    expect((await signed).status).toBe(202);
  });

  it("refuses unsigned for Jira Cloud and other providers (422, nothing changed), and unsigned deliveries to them", async () => {
    const { org, owner } = await orgWithMembers();
    const api = load.api(org.slug, { cookie: owner.cookie });
    const cloud = await createTestConnection(org.id, "jira", { EMAIL: "a@example.test", API_TOKEN: "cloud-token-0123", WEBHOOK_SECRET: SECRET }, { method: "api_key", baseUrl: "https://acme.atlassian.net" });
    const gitlab = await createTestConnection(org.id, "gitlab", { API_TOKEN: "glpat-0123456789abcdef", WEBHOOK_SECRET: SECRET });
    for (const connection of [cloud, gitlab]) {
      const refused = await api.update(connection.id, { webhookUnsigned: true });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/Jira Data Center/);
      expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({ webhookUnsigned: false });
      expect(await readSystemSecrets(org.id, `integration:${connection.id}`)).toMatchObject({ WEBHOOK_SECRET: SECRET });
    }
    expect((await unsignedPost(cloud.id)).status).toBe(401);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "integration.webhook_unsigned" } })).toBe(0);
  });

  it("a Jira connection without a secret that nobody made unsigned accepts nothing", async () => {
    const { org } = await orgWithMembers();
    const bare = await createTestConnection(org.id, "jira", { API_TOKEN: "dc-personal-token-0123" }, { method: "token", baseUrl: "https://jira.example.test" });
    expect((await unsignedPost(bare.id)).status).toBe(401);
    expect(await storedFor(bare.id)).toEqual({ deliveries: [], jobs: [] });
  });
});
