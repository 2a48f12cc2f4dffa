// Webhook ingestion through the route handler, against the run's PostgreSQL and Redis:
// per provider, a signed delivery with a real example payload is stored with its
// processing job in one transaction and answered 202; a replay answers 200 and changes
// nothing.
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { getDb } from "../../db";
import { enqueue } from "../../jobs/queue";
import { describeWith } from "../../testing/describe";
import { createOrg } from "../../testing/org-fixtures";
import { createTestConnection } from "../../testing/integration-fixtures";
import { githubExample, githubHeaders, gitlabHeaders, jiraHeaders, linearBody, linearHeaders, providerFixture, slackHeaders } from "../../testing/signed-webhooks";
import type { Provider } from "../types";
import { PROCESS_DELIVERY_TASK } from "./store";
import { orphanJobsSince, postWebhook, storedFor } from "./test-webhooks";

const SECRET = "whsec-test-0123456789";

async function connection(provider: Provider, credentials: Record<string, string> = { WEBHOOK_SECRET: SECRET }) {
  const org = await createOrg();
  return createTestConnection(org.id, provider, credentials);
}

/** Posts a delivery and checks the one row and the one job it must leave. */
async function expectStored(provider: Provider, connectionId: string, body: string, headers: Record<string, string>, expected: { deliveryId: string; eventType: string; action: string | null }, status = 202) {
  const answer = await postWebhook(provider, connectionId, body, headers);
  expect({ status: answer.status, body: answer.json }).toEqual({ status, body: status === 202 ? { received: true } : null });
  const { deliveries, jobs } = await storedFor(connectionId);
  expect(deliveries).toHaveLength(1);
  const [delivery] = deliveries;
  const owner = await getDb().integrationConnection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(delivery).toMatchObject({ orgId: owner.orgId, provider, status: "pending", attempts: 0, ...expected });
  expect(jobs).toHaveLength(1);
  expect(jobs[0]).toMatchObject({ id: delivery!.jobId, task: PROCESS_DELIVERY_TASK, status: "pending", payload: { deliveryId: delivery!.id }, uniqueKey: `delivery:${delivery!.id}` });
  expect(owner.lastDeliveryAt).not.toBeNull();
  return delivery!;
}

describeWith(["postgres", "redis"], "webhook ingestion", () => {
  it("GitHub: stores a signed push (real example payload) with its job, headers redacted, and answers 202", async () => {
    const github = await connection("github");
    const body = JSON.stringify(githubExample("push"));
    const headers = githubHeaders(body, SECRET, { event: "push", deliveryId: "gh-push-1" });
    const delivery = await expectStored("github", github.id, body, headers, { deliveryId: "gh-push-1", eventType: "push", action: null });
    expect(delivery.payload).toEqual(JSON.parse(body));
    expect(delivery.headers).toMatchObject({ "x-github-event": "push", "x-github-delivery": "gh-push-1", "x-hub-signature-256": "[redacted]" });
    expect(JSON.stringify(delivery.headers)).not.toContain(headers["x-hub-signature-256"]!.slice(7));
  });

  it("GitHub: a pull_request.opened delivery keeps its action", async () => {
    const github = await connection("github");
    const body = JSON.stringify(githubExample("pull_request", "opened"));
    await expectStored("github", github.id, body, githubHeaders(body, SECRET, { event: "pull_request", deliveryId: "gh-pr-1" }), { deliveryId: "gh-pr-1", eventType: "pull_request", action: "opened" });
  });

  it("GitLab: the secret token, and signed webhooks when a signing token is configured", async () => {
    const body = providerFixture("gitlab", "merge-request-hook.json");
    const gitlab = await connection("gitlab");
    const headers = gitlabHeaders(body, SECRET, { event: "Merge Request Hook", deliveryId: "gl-1" });
    const delivery = await expectStored("gitlab", gitlab.id, body, headers, { deliveryId: "gl-1", eventType: "merge_request", action: "open" });
    expect(delivery.headers).toMatchObject({ "x-gitlab-token": "[redacted]", "idempotency-key": "gl-1" });

    const signingToken = `whsec_${randomBytes(32).toString("base64")}`;
    const signed = await connection("gitlab", { WEBHOOK_SECRET: SECRET, SIGNING_TOKEN: signingToken });
    const signedHeaders = gitlabHeaders(body, SECRET, { deliveryId: "gl-signed-1", signingToken });
    const stored = await expectStored("gitlab", signed.id, body, signedHeaders, { deliveryId: "gl-signed-1", eventType: "merge_request", action: "open" });
    expect(stored.headers).toMatchObject({ "webhook-signature": "[redacted]", "webhook-id": "gl-signed-1" });
  });

  it("Jira: a signed issue event under X-Atlassian-Webhook-Identifier", async () => {
    const jira = await connection("jira");
    const body = providerFixture("jira", "issue-updated.json");
    await expectStored("jira", jira.id, body, jiraHeaders(body, SECRET, { deliveryId: "jira-1" }), { deliveryId: "jira-1", eventType: "jira:issue_updated", action: null });
  });

  it("Linear: a signed, freshly stamped comment event under Linear-Delivery", async () => {
    const linear = await connection("linear");
    const body = linearBody(JSON.parse(providerFixture("linear", "comment-create.json")));
    await expectStored("linear", linear.id, body, linearHeaders(body, SECRET, { deliveryId: "lin-1", event: "Comment" }), { deliveryId: "lin-1", eventType: "Comment", action: "create" });
  });

  it("Slack: an Events API callback, its retry as a duplicate, and an interactivity payload acknowledged empty", async () => {
    const slack = await connection("slack");
    const body = providerFixture("slack", "app-mention.json");
    await expectStored("slack", slack.id, body, slackHeaders(body, SECRET), { deliveryId: "Ev123ABC456", eventType: "app_mention", action: null });
    const retry = await postWebhook("slack", slack.id, body, slackHeaders(body, SECRET, { retryNum: 1 }));
    expect(retry.status).toBe(200);
    expect((await storedFor(slack.id)).deliveries).toHaveLength(1);

    const other = await connection("slack");
    const form = new URLSearchParams({ payload: providerFixture("slack", "block-actions.json") }).toString();
    const answer = await postWebhook("slack", other.id, form, slackHeaders(form, SECRET, { form: true }));
    expect({ status: answer.status, text: answer.text }).toEqual({ status: 200, text: "" });
    const { deliveries, jobs } = await storedFor(other.id);
    expect(deliveries.map((delivery) => [delivery.deliveryId, delivery.eventType, delivery.action])).toEqual([["12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3", "block_actions", "WaXA"]]);
    expect(jobs).toHaveLength(1);
  });

  it("Slack: answers url_verification with its challenge and stores nothing", async () => {
    const slack = await connection("slack");
    const body = providerFixture("slack", "url-verification.json");
    const answer = await postWebhook("slack", slack.id, body, slackHeaders(body, SECRET));
    expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: { challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" } });
    expect(await storedFor(slack.id)).toEqual({ deliveries: [], jobs: [] });
  });

  it("a replayed delivery id answers 200 and changes nothing, also when the replays race", async () => {
    const since = new Date(Date.now() - 1000);
    const github = await connection("github");
    const body = JSON.stringify(githubExample("push"));
    const headers = githubHeaders(body, SECRET, { deliveryId: "gh-replay" });
    const first = await expectStored("github", github.id, body, headers, { deliveryId: "gh-replay", eventType: "push", action: null });
    const replay = await postWebhook("github", github.id, body, headers);
    expect({ status: replay.status, body: replay.json }).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const after = await storedFor(github.id);
    expect(after.deliveries).toEqual([first]);
    expect(after.jobs).toHaveLength(1);

    const racing = await connection("github");
    const raceHeaders = githubHeaders(body, SECRET, { deliveryId: "gh-race" });
    const answers = await Promise.all(Array.from({ length: 6 }, () => postWebhook("github", racing.id, body, raceHeaders)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 202]);
    const raced = await storedFor(racing.id);
    expect([raced.deliveries.length, raced.jobs.length]).toEqual([1, 1]);
    // The duplicates' jobs were rolled back with them.
    expect(await orphanJobsSince(since)).toBe(0);
  });

  it("writes the delivery's job exactly as lib/jobs' enqueue() writes one", async () => {
    const github = await connection("github");
    const body = JSON.stringify(githubExample("push"));
    const delivery = await expectStored("github", github.id, body, githubHeaders(body, SECRET), { deliveryId: expect.any(String), eventType: "push", action: null });
    const ours = await getDb().job.findUniqueOrThrow({ where: { id: delivery.jobId! } });
    const referenceId = await enqueue(getDb(), PROCESS_DELIVERY_TASK, { deliveryId: "reference" }, { uniqueKey: `reference:${randomBytes(6).toString("hex")}` });
    const reference = await getDb().job.delete({ where: { id: referenceId! } });
    const shape = ({ id, payload, uniqueKey, runAt, createdAt, updatedAt, ...rest }: typeof ours) => ({ ...rest, id: id.slice(0, 4), keys: Object.keys(payload as object), runAtNow: Math.abs(runAt.getTime() - Date.now()) < 60_000, uniqueKey: uniqueKey !== null });
    expect(shape(ours)).toEqual(shape(reference));
  });

  it("keeps delivery ids per connection: the same id on another connection is its own delivery", async () => {
    const a = await connection("github");
    const b = await connection("github");
    const body = JSON.stringify(githubExample("push"));
    const headers = githubHeaders(body, SECRET, { deliveryId: "shared-id" });
    expect((await postWebhook("github", a.id, body, headers)).status).toBe(202);
    expect((await postWebhook("github", b.id, body, headers)).status).toBe(202);
    const [left, right] = [await storedFor(a.id), await storedFor(b.id)];
    expect([left.deliveries.length, right.deliveries.length]).toEqual([1, 1]);
    expect(left.deliveries[0]!.orgId).not.toBe(right.deliveries[0]!.orgId);
  });
});
