// Durable processing end to end, on this file's own database: a signed delivery goes in
// through the webhook route, the worker loop (lib/jobs/worker.ts) processes it, its org
// event is recorded once, matching rules post to the Slack stand-in, the loop guard
// ignores Bastion's own bot, and a failing delivery retries, dead-letters and comes back
// with redeliver.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWith } from "../../testing/describe";
import { call } from "../../testing/http";
import { standInCredentials } from "../../testing/provider-stand-ins";
import { githubExample, githubHeaders } from "../../testing/signed-webhooks";
import { startIsolated, until, type Isolated } from "./test-scratch";

const SECRET = "process-test-webhook-secret";
let isolated: Isolated;
let m: Awaited<ReturnType<typeof load>>;

async function load() {
  return {
    db: (await import("../../db")).getDb(),
    fixtures: await import("../../testing/fixtures"),
    connections: await import("../../testing/integration-fixtures"),
    webhooks: await import("../webhooks/test-webhooks"),
    worker: await import("../../jobs/worker"),
    redeliver: await import("@/app/api/v1/orgs/[slug]/integrations/[connectionId]/deliveries/[deliveryId]/redeliver/route"),
    tasks: [await import("./tasks"), await import("../notify/tasks")],
  };
}

beforeAll(async () => {
  isolated = await startIsolated("bastion_processing");
  m = await load();
});

afterAll(async () => {
  await isolated?.stop();
});

function startWorker() {
  const stop = new AbortController();
  const loop = m.worker.runWorker({ signal: stop.signal, name: "process-test", concurrency: 2, pollIntervalMs: 50 });
  return async () => {
    stop.abort();
    await loop;
  };
}

/** An org with a GitHub connection (webhook secret, the app's bot ids) and a Slack connection with the stand-in's bot token. */
async function setup() {
  const { org, owner, members } = await m.fixtures.orgWithMembers(["member"]);
  const github = await m.connections.createTestConnection(org.id, "github", { WEBHOOK_SECRET: SECRET }, { config: { botLogin: "bastion-standin[bot]", botUserId: "4242" } });
  const slack = await m.connections.createTestConnection(org.id, "slack", { ACCESS_TOKEN: standInCredentials.slack.botToken }, { config: { botUserId: standInCredentials.slack.botUserId, botId: standInCredentials.slack.botId } });
  const rule = (data: { name: string; eventTypes: string[]; resource?: string | null; channelId: string; enabled?: boolean; source?: string }) =>
    m.db.notificationRule.create({ data: { orgId: org.id, source: "github", slackConnectionId: slack.id, channelName: data.channelId, resource: null, ...data } });
  return { org, owner, member: members[0]!, github, slack, rule };
}

async function deliver(connectionId: string, event: string, payload: Record<string, unknown>, deliveryId: string) {
  const body = JSON.stringify(payload);
  const answer = await m.webhooks.postWebhook("github", connectionId, body, githubHeaders(body, SECRET, { event, deliveryId }));
  expect(answer.status).toBe(202);
  return m.db.webhookDelivery.findUniqueOrThrow({ where: { connectionId_deliveryId: { connectionId, deliveryId } } });
}

const messagesTo = (channel: string, marker: string) => isolated.standIns.state.slackMessages.filter((message) => message.channel === channel && message.text.includes(marker));
const notifyJobs = (orgEventId: string) => m.db.job.findMany({ where: { task: "integrations.notify", payload: { path: ["orgEventId"], equals: orgEventId } } });
const jobsOfRules = async (ruleIds: string[]) =>
  (await m.db.job.findMany({ where: { task: "integrations.notify" } })).filter((job) => ruleIds.includes((job.payload as { ruleId: string }).ruleId));

describeWith(["postgres", "redis"], "delivery processing", () => {
  it("records a delivery's event once, notifies only the matching enabled rule, and a redelivery adds nothing twice", async () => {
    const { org, owner, github, rule } = await setup();
    const matching = await rule({ name: "PRs opened", eventTypes: ["pull_request.opened"], resource: "codertocat/hello-world", channelId: "C0DEPLOYS" });
    await rule({ name: "Pushes", eventTypes: ["push"], channelId: "C0GENERAL" });
    await rule({ name: "Muted", eventTypes: ["pull_request"], channelId: "C0ALERTS", enabled: false });
    await rule({ name: "Other repo", eventTypes: ["pull_request"], resource: "octo-org/octo-repo", channelId: "C0ALERTS" });
    const delivery = await deliver(github.id, "pull_request", githubExample("pull_request", "opened"), `pr-${org.id}`);

    const stop = startWorker();
    await until(async () => (await m.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === "processed", "the delivery is processed");
    const event = await m.db.orgEvent.findUniqueOrThrow({ where: { deliveryId: delivery.id } });
    await until(async () => (await notifyJobs(event.id)).every((job) => job.status === "succeeded"), "its notification is sent");
    await stop();

    expect(event).toMatchObject({
      orgId: org.id,
      source: "github",
      type: "pull_request",
      action: "opened",
      actor: "Codertocat",
      resource: "Codertocat/Hello-World",
      url: "https://github.com/Codertocat/Hello-World/pull/2",
      summary: "Codertocat opened pull request #2 “Update the README with new information.” in Codertocat/Hello-World",
    });
    expect(await m.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "processed", attempts: 1, lastError: null, processedAt: expect.any(Date) });
    const jobs = await notifyJobs(event.id);
    expect(jobs.map((job) => job.uniqueKey)).toEqual([`notify:${matching.id}:${event.id}`]);
    const [message] = messagesTo("C0DEPLOYS", "Codertocat opened pull request #2");
    expect(message!.text).toBe("[GitHub] Codertocat opened pull request #2 “Update the README with new information.” in Codertocat/Hello-World https://github.com/Codertocat/Hello-World/pull/2");
    expect(JSON.stringify(message!.blocks)).toContain("<https://github.com/Codertocat/Hello-World/pull/2|Codertocat opened pull request #2");
    expect(messagesTo("C0GENERAL", "pull request #2")).toEqual([]);
    expect(messagesTo("C0ALERTS", "pull request #2")).toEqual([]);

    // Redeliver a processed delivery: processed again, still one event, one job, one message.
    const path = `/api/v1/orgs/${org.slug}/integrations/${github.id}/deliveries/${delivery.id}/redeliver`;
    const answer = await call(m.redeliver.POST, "POST", path, { cookie: owner.cookie, params: { slug: org.slug, connectionId: github.id, deliveryId: delivery.id } });
    expect(answer).toMatchObject({ status: 202, body: { id: delivery.id, status: "pending" } });
    const again = startWorker();
    await until(async () => (await m.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === "processed", "the redelivery is processed");
    await again();
    expect(await m.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "processed", attempts: 2 });
    expect(await m.db.orgEvent.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(await notifyJobs(event.id)).toHaveLength(1);
    expect(messagesTo("C0DEPLOYS", "Codertocat opened pull request #2")).toHaveLength(1);
  });

  it("loop guard: an event by Bastion's own GitHub App bot or Slack bot is processed without an event or a notification", async () => {
    const { org, github, slack, rule } = await setup();
    const rules = [await rule({ name: "All PRs", eventTypes: [], channelId: "C0DEPLOYS" }), await rule({ name: "All Slack", eventTypes: [], channelId: "C0DEPLOYS", source: "slack" })];
    const byBot = { ...githubExample("pull_request", "opened"), sender: { login: "bastion-standin[bot]", id: 4242, type: "Bot" } };
    const fromBot = await deliver(github.id, "pull_request", byBot, `bot-${org.id}`);
    // Slack's message about our own post (bot_id is the connection's bot), stored as ingestion stores it.
    const slackDelivery = await m.db.$transaction(async (tx) => {
      const row = await tx.webhookDelivery.create({
        data: {
          orgId: org.id,
          connectionId: slack.id,
          provider: "slack",
          deliveryId: `Ev-${org.id}`,
          eventType: "message",
          payload: { type: "event_callback", team_id: "T0STANDIN", event: { type: "message", subtype: "bot_message", text: "[GitHub] …", bot_id: standInCredentials.slack.botId, channel: "C0DEPLOYS", ts: "1700000000.000100" }, event_id: `Ev-${org.id}` },
        },
      });
      const { enqueue } = await import("../../jobs/queue");
      await enqueue(tx, "integrations.process-delivery", { deliveryId: row.id }, { uniqueKey: `delivery:${row.id}` });
      return row;
    });

    const stop = startWorker();
    await until(async () => (await m.db.webhookDelivery.count({ where: { id: { in: [fromBot.id, slackDelivery.id] }, status: "processed" } })) === 2, "both deliveries are processed");
    await stop();
    for (const id of [fromBot.id, slackDelivery.id]) {
      expect(await m.db.webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "processed", lastError: null, processedAt: expect.any(Date) });
    }
    expect(await m.db.orgEvent.count({ where: { orgId: org.id } })).toBe(0);
    expect(await jobsOfRules(rules.map((candidate) => candidate.id))).toEqual([]);
  });

  it("retries a failing delivery with backoff, dead-letters it with its error, and redeliver brings it back", async () => {
    const { org, owner, github, rule } = await setup();
    const issues = await rule({ name: "Issues", eventTypes: ["issues.opened"], channelId: "C0ALERTS" });
    const delivery = await deliver(github.id, "issues", githubExample("issues", "opened"), `issue-${org.id}`);
    await m.db.job.update({ where: { id: delivery.jobId! }, data: { maxAttempts: 3 } });
    // The database refuses this delivery's event, as an outage would, until the trigger goes.
    await m.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_event_${org.id.replace(/\W/g, "")}() RETURNS trigger AS $$
      BEGIN IF NEW."deliveryId" = '${delivery.id}' THEN RAISE EXCEPTION 'simulated outage writing the event'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await m.db.$executeRawUnsafe(`CREATE TRIGGER refuse_event BEFORE INSERT ON "OrgEvent" FOR EACH ROW EXECUTE FUNCTION refuse_event_${org.id.replace(/\W/g, "")}()`);

    const stop = startWorker();
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        await until(async () => {
          const job = await m.db.job.findUniqueOrThrow({ where: { id: delivery.jobId! } });
          return job.attempts === attempt && job.status !== "running";
        }, `attempt ${attempt} is over`);
        const job = await m.db.job.findUniqueOrThrow({ where: { id: delivery.jobId! } });
        const row = await m.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
        expect(row.attempts).toBe(attempt);
        expect(row.lastError).toContain("simulated outage writing the event");
        if (attempt < 3) {
          expect(row.status).toBe("failed");
          expect(job.status).toBe("pending");
          expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 1_000);
          await m.db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
        } else {
          expect(row.status).toBe("dead");
          expect(job.status).toBe("dead");
        }
      }
    } finally {
      await stop();
    }
    // Each failed attempt rolled back whole: no event, no notification job.
    expect(await m.db.orgEvent.count({ where: { deliveryId: delivery.id } })).toBe(0);
    expect(await jobsOfRules([issues.id])).toEqual([]);

    await m.db.$executeRawUnsafe(`DROP TRIGGER refuse_event ON "OrgEvent"`);
    const path = `/api/v1/orgs/${org.slug}/integrations/${github.id}/deliveries/${delivery.id}/redeliver`;
    const answer = await call(m.redeliver.POST, "POST", path, { cookie: owner.cookie, params: { slug: org.slug, connectionId: github.id, deliveryId: delivery.id } });
    expect(answer).toMatchObject({ status: 202, body: { status: "pending", lastError: null } });
    expect(await m.db.auditEvent.findFirst({ where: { orgId: org.id, action: "integration.delivery_redelivered", targetId: delivery.id } })).toMatchObject({ metadata: { previousStatus: "dead", deliveryId: delivery.deliveryId } });

    const again = startWorker();
    await until(async () => messagesTo("C0ALERTS", "opened issue #1").length === 1, "the redelivered event is posted");
    await again();
    expect(await m.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "processed", attempts: 4, lastError: null });
    expect(await m.db.orgEvent.count({ where: { deliveryId: delivery.id } })).toBe(1);
  });

  it("processes a ping without an event, and gives an event type without a describer a generic summary", async () => {
    const { org, github } = await setup();
    const ping = await deliver(github.id, "ping", githubExample("ping"), `ping-${org.id}`);
    const star = await deliver(github.id, "check_suite", githubExample("check_suite", "completed"), `suite-${org.id}`);
    const stop = startWorker();
    await until(async () => (await m.db.webhookDelivery.count({ where: { id: { in: [ping.id, star.id] }, status: "processed" } })) === 2, "both are processed");
    await stop();
    expect(await m.db.orgEvent.findMany({ where: { orgId: org.id }, select: { type: true, action: true, summary: true } })).toEqual([
      { type: "check_suite", action: "completed", summary: "check suite completed by Codertocat in Codertocat/Hello-World" },
    ]);
  });

  it("sends nothing for a rule disabled meanwhile or a Slack connection gone, and retries a refused post", async () => {
    const { org, slack, rule } = await setup();
    const muted = await rule({ name: "Muted later", eventTypes: ["release"], channelId: "C0GENERAL" });
    const archived = await rule({ name: "Archived channel", eventTypes: ["release"], channelId: "C0OLD" });
    const { recordOrgEvent } = await import("../events/record");
    const { normalize } = await import("../providers/github/normalize");
    const release = normalize({ eventType: "release", action: "published", payload: githubExample("release", "published") })!;
    await m.db.$transaction((tx) => recordOrgEvent(tx, org.id, release));
    // Disabled after its job was queued, before the job runs.
    await m.db.notificationRule.update({ where: { id: muted.id }, data: { enabled: false } });

    const stop = startWorker();
    try {
      expect(await jobsOfRules([muted.id, archived.id])).toHaveLength(2);
      await until(async () => (await jobsOfRules([muted.id])).every((job) => job.status === "succeeded"), "the muted rule's job is done");
      // Slack refuses posts to an archived channel: the job fails and is retried later, with Slack's error.
      await until(async () => (await jobsOfRules([archived.id])).every((job) => job.attempts === 1 && job.status === "pending"), "the refused post is scheduled for a retry");
    } finally {
      await stop();
    }
    const [refused] = await jobsOfRules([archived.id]);
    expect(refused!.lastError).toContain("is_archived");
    expect(refused!.lastError).not.toContain(standInCredentials.slack.botToken);
    expect(isolated.standIns.state.slackMessages.filter((message) => message.text.includes("published release"))).toEqual([]);

    // The Slack connection disabled before its notification runs: nothing is posted, nothing retried.
    await m.db.integrationConnection.update({ where: { id: slack.id }, data: { status: "disabled" } });
    await m.db.job.update({ where: { id: refused!.id }, data: { runAt: new Date() } });
    const again = startWorker();
    await until(async () => (await jobsOfRules([archived.id]))[0]!.status === "succeeded", "the job ends without posting");
    await again();
    expect(isolated.standIns.state.slackMessages.filter((message) => message.text.includes("published release"))).toEqual([]);
  });
});
