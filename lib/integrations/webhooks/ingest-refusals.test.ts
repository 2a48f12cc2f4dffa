// What the webhook route refuses, and that a refusal stores nothing: unknown or wrong
// endpoints 404, disabled connections 410, oversized bodies 413, unverifiable requests
// 401 (counted, logged once a minute, no detail), verified but unusable bodies 400.
import { expect, it } from "vitest";
import { env } from "../../env";
import { getDb } from "../../db";
import { putSystemSecrets, systemSecretKey } from "../../secrets/system-secrets";
import { captureLogs } from "../../testing/capture-logs";
import { describeWith } from "../../testing/describe";
import { createOrg } from "../../testing/org-fixtures";
import { createTestConnection } from "../../testing/integration-fixtures";
import { githubExample, githubHeaders, gitlabHeaders, jiraHeaders, linearBody, linearHeaders, providerFixture, slackHeaders } from "../../testing/signed-webhooks";
import type { Provider } from "../types";
import { forgetWebhookCredentials } from "./credentials";
import { WEBHOOK_CONNECTION_LIMIT } from "../../rate-limit/plans";
import { postWebhook, refusalCount, storedFor } from "./test-webhooks";

const SECRET = "whsec-test-0123456789";
const push = JSON.stringify(githubExample("push"));

async function connection(provider: Provider, overrides: { status?: "active" | "disabled" } = {}, credentials: Record<string, string> = { WEBHOOK_SECRET: SECRET }) {
  const org = await createOrg();
  return createTestConnection(org.id, provider, credentials, overrides);
}

async function expectNothingStored(connectionId: string) {
  expect(await storedFor(connectionId)).toEqual({ deliveries: [], jobs: [] });
  expect((await getDb().integrationConnection.findUniqueOrThrow({ where: { id: connectionId } })).lastDeliveryAt).toBeNull();
}

describeWith(["postgres", "redis"], "webhook refusals", () => {
  it("answers 401 with the bare error code for a wrong secret, an altered body, stale timestamps and missing headers, storing nothing", async () => {
    const cases: { provider: Provider; reason: string; body: string; headers: Record<string, string> }[] = [];
    const gitlab = providerFixture("gitlab", "push-hook.json");
    const jira = providerFixture("jira", "issue-updated.json");
    const slack = providerFixture("slack", "app-mention.json");
    const linear = JSON.parse(providerFixture("linear", "comment-create.json")) as Record<string, unknown>;
    const fresh = linearBody(linear);
    const stale = linearBody(linear, Date.now() - 61_000);
    const { "x-hub-signature-256": _, ...githubUnsigned } = githubHeaders(push, SECRET);
    cases.push(
      { provider: "github", reason: "bad_signature", body: push, headers: githubHeaders(push, "wrong-secret") },
      { provider: "github", reason: "bad_signature", body: push.replace("Codertocat", "Mallory"), headers: githubHeaders(push, SECRET) },
      { provider: "github", reason: "missing_signature", body: push, headers: githubUnsigned },
      { provider: "gitlab", reason: "bad_signature", body: gitlab, headers: gitlabHeaders(gitlab, "wrong-token") },
      { provider: "gitlab", reason: "missing_signature", body: gitlab, headers: gitlabHeaders(gitlab, null) },
      { provider: "jira", reason: "bad_signature", body: jira.replace("speed", "greed"), headers: jiraHeaders(jira, SECRET) },
      { provider: "jira", reason: "missing_signature", body: jira, headers: jiraHeaders(jira, null) },
      { provider: "linear", reason: "stale_timestamp", body: stale, headers: linearHeaders(stale, SECRET) },
      { provider: "linear", reason: "bad_signature", body: fresh, headers: linearHeaders(fresh, "wrong-secret") },
      { provider: "slack", reason: "stale_timestamp", body: slack, headers: slackHeaders(slack, SECRET, { timestamp: Math.floor(Date.now() / 1000) - 301 }) },
      { provider: "slack", reason: "bad_signature", body: slack.replace("pearl", "perl"), headers: slackHeaders(slack, SECRET) },
    );
    for (const { provider, reason, body, headers } of cases) {
      const target = await connection(provider);
      const before = await refusalCount(provider, reason);
      const answer = await postWebhook(provider, target.id, body, headers);
      expect({ provider, reason, status: answer.status, error: answer.json }).toEqual({
        provider,
        reason,
        status: 401,
        error: { error: { code: "unauthorized", message: "The webhook could not be verified", requestId: expect.any(String) } },
      });
      expect(await refusalCount(provider, reason)).toBe(before + 1);
      await expectNothingStored(target.id);
    }
  });

  it("logs a refusal once a minute per connection, with ids and the reason only", async () => {
    const logs = captureLogs();
    const [first, second] = [await connection("github"), await connection("github")];
    const forged = githubHeaders(push, "forged-secret");
    for (let i = 0; i < 3; i++) expect((await postWebhook("github", first.id, push, forged)).status).toBe(401);
    expect((await postWebhook("github", second.id, push, forged)).status).toBe(401);
    const lines = logs.entries().filter((entry) => String(entry.msg).startsWith("webhook refused"));
    expect(lines.map((line) => [line.connectionId, line.reason])).toEqual([[first.id, "bad_signature"], [second.id, "bad_signature"]]);
    expect(logs.text()).not.toContain(forged["x-hub-signature-256"]!.slice(7));
    expect(logs.text()).not.toContain(SECRET);
  });

  it("answers 404 for an unknown provider, an unknown connection and another provider's connection", async () => {
    const github = await connection("github");
    const headers = githubHeaders(push, SECRET);
    for (const [provider, id] of [["bitbucket", github.id], ["github", "con_doesnotexist"], ["gitlab", github.id], ["github", "x".repeat(300)]] as const) {
      const answer = await postWebhook(provider, id, push, headers);
      expect({ provider, status: answer.status, code: (answer.json as { error: { code: string } }).error.code }).toEqual({ provider, status: 404, code: "not_found" });
    }
    await expectNothingStored(github.id);
  });

  it("answers 410 for a disabled connection, even correctly signed", async () => {
    const disabled = await connection("github", { status: "disabled" });
    const answer = await postWebhook("github", disabled.id, push, githubHeaders(push, SECRET));
    expect({ status: answer.status, code: (answer.json as { error: { code: string } }).error.code }).toEqual({ status: 410, code: "gone" });
    await expectNothingStored(disabled.id);
  });

  it("re-checks the connection when storing: disabled meanwhile answers 410, deleted 404, and nothing is stored", async () => {
    const github = await connection("github");
    expect((await postWebhook("github", github.id, push, githubHeaders(push, SECRET))).status).toBe(202);
    // Remembered as active by this process now; the store's own check must still see the change.
    await getDb().integrationConnection.update({ where: { id: github.id }, data: { status: "disabled" } });
    const disabled = await postWebhook("github", github.id, push, githubHeaders(push, SECRET));
    expect({ status: disabled.status, code: (disabled.json as { error: { code: string } }).error.code }).toEqual({ status: 410, code: "gone" });
    expect((await storedFor(github.id)).deliveries).toHaveLength(1);

    const doomed = await connection("github");
    expect((await postWebhook("github", doomed.id, push, githubHeaders(push, SECRET))).status).toBe(202);
    await getDb().integrationConnection.delete({ where: { id: doomed.id } });
    expect((await postWebhook("github", doomed.id, push, githubHeaders(push, SECRET))).status).toBe(404);
    expect(await storedFor(doomed.id)).toEqual({ deliveries: [], jobs: [] });
  });

  it("answers 413 for bodies over INTEGRATIONS_WEBHOOK_MAX_BYTES, declared or streamed", async () => {
    const github = await connection("github");
    const max = env().INTEGRATIONS_WEBHOOK_MAX_BYTES;
    const declared = await postWebhook("github", github.id, push, { ...githubHeaders(push, SECRET), "content-length": String(max + 1) });
    expect(declared.status).toBe(413);
    const big = Buffer.alloc(max + 1, 0x20);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < big.length; offset += 64 * 1024) controller.enqueue(big.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await postWebhook("github", github.id, stream, githubHeaders(big.toString("utf8"), SECRET));
    expect({ status: streamed.status, code: (streamed.json as { error: { code: string } }).error.code }).toEqual({ status: 413, code: "payload_too_large" });
    await expectNothingStored(github.id);
  });

  it("answers 400 for verified bodies that are not JSON or not a delivery, storing nothing", async () => {
    const github = await connection("github");
    // The last two are valid JSON that PostgreSQL's jsonb cannot hold (a NUL, an unpaired surrogate).
    for (const body of ["{\"ref\": ", "", "[]", JSON.stringify({ ref: "a\u0000b" }), JSON.stringify({ ref: "a\ud800b" })]) {
      const answer = await postWebhook("github", github.id, body, githubHeaders(body, SECRET));
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    const { "x-github-delivery": _, ...noDelivery } = githubHeaders(push, SECRET);
    expect((await postWebhook("github", github.id, push, noDelivery)).status).toBe(400);
    const slack = await connection("slack");
    const form = "payload=%7Bnot-json";
    expect((await postWebhook("slack", slack.id, form, slackHeaders(form, SECRET, { form: true }))).status).toBe(400);
    await expectNothingStored(github.id);
    await expectNothingStored(slack.id);
  });

  it("refuses every request of a connection that has no webhook secret", async () => {
    const bare = await connection("github", {}, {});
    const before = await refusalCount("github", "unconfigured");
    expect((await postWebhook("github", bare.id, push, githubHeaders(push, SECRET))).status).toBe(401);
    expect(await refusalCount("github", "unconfigured")).toBe(before + 1);
    await expectNothingStored(bare.id);
  });

  it("picks up a secret rotated elsewhere: the cached one fails, the fresh one verifies, the old one stops working", async () => {
    const github = await connection("github");
    expect((await postWebhook("github", github.id, push, githubHeaders(push, SECRET))).status).toBe(202);
    // Rotated by another process: this one's cache still holds the old secret.
    const dataKey = await systemSecretKey(github.orgId);
    await getDb().$transaction((tx) => putSystemSecrets(tx, dataKey, { orgId: github.orgId, scope: `integration:${github.id}`, values: { WEBHOOK_SECRET: "rotated-secret" }, actorUserId: null }));
    expect((await postWebhook("github", github.id, push, githubHeaders(push, "rotated-secret"))).status).toBe(202);
    expect((await postWebhook("github", github.id, push, githubHeaders(push, SECRET))).status).toBe(401);
    forgetWebhookCredentials(github.id);
    expect((await postWebhook("github", github.id, push, githubHeaders(push, "rotated-secret"))).status).toBe(202);
    expect((await storedFor(github.id)).deliveries).toHaveLength(3);
  });

  it("rate-limits per connection, whatever the caller's address", async () => {
    const [a, b] = [await connection("github"), await connection("github")];
    const remaining = async (id: string, ip: string) => {
      const answer = await postWebhook("github", id, push, { ...githubHeaders(push, SECRET), "x-bastion-client-ip": ip });
      expect(answer.headers.get("ratelimit-limit")).toBe(String(WEBHOOK_CONNECTION_LIMIT.points));
      return Number(answer.headers.get("ratelimit-remaining"));
    };
    const first = await remaining(a.id, "192.0.2.1");
    expect(await remaining(a.id, "192.0.2.2")).toBe(first - 1);
    expect(await remaining(a.id, "192.0.2.3")).toBe(first - 2);
    expect(await remaining(b.id, "192.0.2.1")).toBe(WEBHOOK_CONNECTION_LIMIT.points - 1);
  });
});
