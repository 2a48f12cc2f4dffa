// The Slack app's one Request URL, /api/webhooks/slack, through the route handler against
// the run's PostgreSQL and Redis: requests signed with SLACK_SIGNING_SECRET are routed by
// team id (Events API `team_id` or `authorizations[0].team_id`, interactivity `team.id`,
// slash commands' `team_id` field) to the workspace's connections and stored as on the
// per-connection URL; unknown workspaces answer 200 with nothing stored.
import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describeWith } from "../../testing/describe";
import { createTestConnection } from "../../testing/integration-fixtures";
import { createOrg } from "../../testing/org-fixtures";
import { providerFixture, slackHeaders } from "../../testing/signed-webhooks";
import { presentConnection } from "../connections/present";
import { deliveriesWithId, ignoredCount, loadAppWebhookRoutes } from "./test-app-webhooks";
import { refusalCount, storedFor } from "./test-webhooks";

const SIGNING_SECRET = "slack-app-signing-secret-0123";

let routes: Awaited<ReturnType<typeof loadAppWebhookRoutes>>;
beforeAll(async () => {
  routes = await loadAppWebhookRoutes({ slack: SIGNING_SECRET });
});

const uniqueTeamId = () => `T${randomBytes(6).toString("hex").toUpperCase()}`;

async function workspace(teamId = uniqueTeamId()) {
  const org = await createOrg();
  const connection = await createTestConnection(org.id, "slack", { WEBHOOK_SECRET: SIGNING_SECRET, ACCESS_TOKEN: "xoxb-test" }, { method: "oauth", externalId: teamId });
  return { org, connection, teamId };
}

/** The documented app_mention callback, from the given workspace under a fresh event id. */
function mention(teamId: string | null, extra: Record<string, unknown> = {}) {
  const eventId = `Ev${randomBytes(6).toString("hex").toUpperCase()}`;
  const { team_id: _, ...payload } = JSON.parse(providerFixture("slack", "app-mention.json")) as Record<string, unknown>;
  return { eventId, body: JSON.stringify({ ...payload, ...(teamId ? { team_id: teamId } : {}), event_id: eventId, ...extra }) };
}

describeWith(["postgres", "redis"], "Slack app Request URL", () => {
  it("answers url_verification with its challenge at once, storing nothing", async () => {
    const body = providerFixture("slack", "url-verification.json");
    const answer = await routes.postSlack(body, slackHeaders(body, SIGNING_SECRET));
    expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: { challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" } });
  });

  it("routes an Events API callback by team_id to that workspace's connection, and a retry is a duplicate", async () => {
    const [ours, theirs] = [await workspace(), await workspace()];
    const { eventId, body } = mention(ours.teamId);
    const answer = await routes.postSlack(body, slackHeaders(body, SIGNING_SECRET));
    expect({ status: answer.status, body: answer.json }).toEqual({ status: 202, body: { received: true } });
    const { deliveries, jobs } = await storedFor(ours.connection.id);
    expect(deliveries.map((delivery) => [delivery.orgId, delivery.deliveryId, delivery.eventType])).toEqual([[ours.org.id, eventId, "app_mention"]]);
    expect(jobs).toHaveLength(1);
    expect(await storedFor(theirs.connection.id)).toEqual({ deliveries: [], jobs: [] });

    const retry = await routes.postSlack(body, slackHeaders(body, SIGNING_SECRET, { retryNum: 1 }));
    expect(retry.status).toBe(200);
    expect((await storedFor(ours.connection.id)).deliveries).toHaveLength(1);
  });

  it("falls back to authorizations[0].team_id (events from shared channels)", async () => {
    const { connection, teamId } = await workspace();
    const { eventId, body } = mention(null, { authorizations: [{ team_id: teamId, user_id: "U0LAN0Z89", is_bot: true }] });
    expect((await routes.postSlack(body, slackHeaders(body, SIGNING_SECRET))).status).toBe(202);
    expect((await storedFor(connection.id)).deliveries.map((delivery) => delivery.deliveryId)).toEqual([eventId]);
  });

  it("answers 200 for a workspace no org has connected, storing nothing but a count", async () => {
    const before = await ignoredCount("slack", "no_connection");
    const { eventId, body } = mention(uniqueTeamId());
    const answer = await routes.postSlack(body, slackHeaders(body, SIGNING_SECRET));
    expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: { received: true } });
    expect(await deliveriesWithId(eventId)).toEqual([]);
    expect(await ignoredCount("slack", "no_connection")).toBe(before + 1);
  });

  it("answers 401 to a stale timestamp or a wrong secret, storing nothing", async () => {
    const { connection, teamId } = await workspace();
    const { body } = mention(teamId);
    const before = await refusalCount("slack", "stale_timestamp");
    const stale = await routes.postSlack(body, slackHeaders(body, SIGNING_SECRET, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
    expect({ status: stale.status, code: (stale.json as { error: { code: string } }).error.code }).toEqual({ status: 401, code: "unauthorized" });
    expect(await refusalCount("slack", "stale_timestamp")).toBe(before + 1);
    expect((await routes.postSlack(body, slackHeaders(body, "another-apps-secret"))).status).toBe(401);
    expect(await storedFor(connection.id)).toEqual({ deliveries: [], jobs: [] });
  });

  it("routes an interactivity payload by payload.team.id and a slash command by its team_id, acknowledged empty", async () => {
    const { connection, teamId } = await workspace();
    const interaction = JSON.parse(providerFixture("slack", "block-actions.json")) as Record<string, unknown>;
    const form = new URLSearchParams({ payload: JSON.stringify({ ...interaction, team: { id: teamId, domain: "example" } }) }).toString();
    const answer = await routes.postSlack(form, slackHeaders(form, SIGNING_SECRET, { form: true }));
    expect({ status: answer.status, text: answer.text }).toEqual({ status: 200, text: "" });

    const command = new URLSearchParams(providerFixture("slack", "slash-command.txt").trim());
    command.set("team_id", teamId);
    const commandBody = command.toString();
    expect((await routes.postSlack(commandBody, slackHeaders(commandBody, SIGNING_SECRET, { form: true }))).text).toBe("");

    const { deliveries, jobs } = await storedFor(connection.id);
    expect(deliveries.map((delivery) => [delivery.eventType, delivery.action])).toEqual([["block_actions", "WaXA"], ["slash_command", "/webhook-collect"]]);
    expect(jobs).toHaveLength(2);
  });

  it("an interactivity payload from an unknown workspace is acknowledged empty too", async () => {
    const interaction = JSON.parse(providerFixture("slack", "block-actions.json")) as Record<string, unknown>;
    const triggerId = `${Date.now()}.${randomBytes(4).toString("hex")}`;
    const form = new URLSearchParams({ payload: JSON.stringify({ ...interaction, trigger_id: triggerId, team: { id: uniqueTeamId() } }) }).toString();
    const answer = await routes.postSlack(form, slackHeaders(form, SIGNING_SECRET, { form: true }));
    expect({ status: answer.status, text: answer.text }).toEqual({ status: 200, text: "" });
    expect(await deliveriesWithId(triggerId)).toEqual([]);
  });

  it("delivers to every org that connected the workspace, and not to a disabled connection", async () => {
    const first = await workspace();
    const second = await workspace(first.teamId);
    const off = await createTestConnection((await createOrg()).id, "slack", {}, { externalId: first.teamId, status: "disabled" });
    const { eventId, body } = mention(first.teamId);
    expect((await routes.postSlack(body, slackHeaders(body, SIGNING_SECRET))).status).toBe(202);
    const stored = await deliveriesWithId(eventId);
    expect(stored.map((delivery) => delivery.orgId).sort()).toEqual([first.org.id, second.org.id].sort());
    expect(await storedFor(off.id)).toEqual({ deliveries: [], jobs: [] });
  });

  it("shows the app's Request URL as every Slack connection's webhook URL", async () => {
    const { connection } = await workspace();
    expect(presentConnection(connection).webhookUrl).toBe("http://localhost:3000/api/webhooks/slack");
  });

  it("does not exist without SLACK_SIGNING_SECRET: 404", async () => {
    const unconfigured = await loadAppWebhookRoutes({});
    const body = providerFixture("slack", "url-verification.json");
    const answer = await unconfigured.postSlack(body, slackHeaders(body, SIGNING_SECRET));
    expect({ status: answer.status, code: (answer.json as { error: { code: string } }).error.code }).toEqual({ status: 404, code: "not_found" });
  });
});
