// The notification rules API: create, list, change and delete, each audited; the Slack
// connection must be an active one of the same org and the channel one of its synced
// channels; members read but do not manage; another org's rule ids are not found.
import { expect, it } from "vitest";
import * as oneRoute from "@/app/api/v1/orgs/[slug]/notification-rules/[ruleId]/route";
import * as listRoute from "@/app/api/v1/orgs/[slug]/notification-rules/route";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { orgWithMembers } from "../../testing/fixtures";
import { call } from "../../testing/http";
import { createTestConnection } from "../../testing/integration-fixtures";

function api(slug: string, cookie: string) {
  const base = `/api/v1/orgs/${slug}/notification-rules`;
  return {
    list: () => call(listRoute.GET, "GET", base, { cookie, params: { slug } }),
    create: (body: object) => call(listRoute.POST, "POST", base, { cookie, body, params: { slug } }),
    update: (ruleId: string, body: object) => call(oneRoute.PATCH, "PATCH", `${base}/${ruleId}`, { cookie, body, params: { slug, ruleId } }),
    remove: (ruleId: string) => call(oneRoute.DELETE, "DELETE", `${base}/${ruleId}`, { cookie, params: { slug, ruleId } }),
  };
}

/** An org with a Slack connection that has synced #deploys and #alerts. */
async function orgWithSlack(roles: ("admin" | "member")[] = []) {
  const setup = await orgWithMembers(roles);
  const slack = await createTestConnection(setup.org.id, "slack", { ACCESS_TOKEN: "xoxb-test" });
  await getDb().integrationResource.createMany({
    data: [
      { orgId: setup.org.id, connectionId: slack.id, kind: "channel", externalId: "C0DEPLOYS", name: "#deploys" },
      { orgId: setup.org.id, connectionId: slack.id, kind: "channel", externalId: "C0ALERTS", name: "#alerts" },
    ],
  });
  return { ...setup, slack };
}

const prRule = (slackConnectionId: string) => ({ name: "PRs opened in app", source: "github", eventTypes: ["pull_request.opened", "pull_request.opened"], resource: "octo/app", slackConnectionId, channelId: "C0DEPLOYS" });

describeWith(["postgres", "redis"], "notification rules API", () => {
  it("creates a rule named after its synced channel, lists, changes and deletes it, auditing each", async () => {
    const { org, owner, slack } = await orgWithSlack();
    const client = api(org.slug, owner.cookie);
    const created = await client.create({ ...prRule(slack.id), channelName: "ignored" });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: "PRs opened in app",
      source: "github",
      eventTypes: ["pull_request.opened"],
      resource: "octo/app",
      slackConnectionId: slack.id,
      channelId: "C0DEPLOYS",
      channelName: "#deploys",
      enabled: true,
      createdAt: expect.any(String),
    });
    expect((await client.list()).body.items).toEqual([created.body]);

    const moved = await client.update(created.body.id, { channelId: "C0ALERTS", enabled: false });
    expect(moved).toMatchObject({ status: 200, body: { channelId: "C0ALERTS", channelName: "#alerts", enabled: false, eventTypes: ["pull_request.opened"] } });
    const anyEvent = await client.update(created.body.id, { eventTypes: [], resource: null });
    expect(anyEvent.body).toMatchObject({ eventTypes: [], resource: null, channelName: "#alerts" });

    expect((await client.remove(created.body.id)).status).toBe(204);
    expect((await client.list()).body.items).toEqual([]);
    expect((await client.remove(created.body.id)).status).toBe(404);
    const actions = await getDb().auditEvent.findMany({ where: { orgId: org.id, targetId: created.body.id }, orderBy: { createdAt: "asc" }, select: { action: true, metadata: true } });
    expect(actions.map((event) => event.action)).toEqual(["notification_rule.created", "notification_rule.updated", "notification_rule.updated", "notification_rule.deleted"]);
    expect(actions[1]!.metadata).toMatchObject({ channelId: "C0ALERTS", enabled: false, changed: ["channelId", "enabled"] });
  });

  it("refuses a Slack connection that is not an active Slack connection of this org, and an unsynced channel", async () => {
    const { org, owner, slack } = await orgWithSlack();
    const other = await orgWithSlack();
    const github = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: "s" });
    const disabled = await createTestConnection(org.id, "slack", { ACCESS_TOKEN: "xoxb-off" }, { status: "disabled" });
    const client = api(org.slug, owner.cookie);
    for (const slackConnectionId of [other.slack.id, github.id, disabled.id, "con_missing"]) {
      const answer = await client.create({ ...prRule(slackConnectionId) });
      expect(answer).toMatchObject({ status: 422, body: { error: { code: "invalid_request", details: [{ path: "slackConnectionId" }] } } });
    }
    expect(await client.create({ ...prRule(slack.id), channelId: "C0NOTSYNCED" })).toMatchObject({ status: 422, body: { error: { details: [{ path: "channelId" }] } } });
    const { body: rule } = await client.create(prRule(slack.id));
    expect((await client.update(rule.id, { slackConnectionId: other.slack.id })).status).toBe(422);
    expect((await client.update(rule.id, { channelId: "C0NOTSYNCED" })).status).toBe(422);
    expect(await getDb().notificationRule.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("takes the channel as given while the connection has synced no channels", async () => {
    const { org, owner } = await orgWithMembers();
    const slack = await createTestConnection(org.id, "slack", { ACCESS_TOKEN: "xoxb-test" });
    const client = api(org.slug, owner.cookie);
    expect((await client.create({ ...prRule(slack.id), channelId: "C0NEW", channelName: "#new" })).body).toMatchObject({ channelId: "C0NEW", channelName: "#new" });
    expect((await client.create({ ...prRule(slack.id), channelId: "C0BARE" })).body).toMatchObject({ channelName: "C0BARE" });
  });

  it("validates its input with clear 422s", async () => {
    const { org, owner, slack } = await orgWithSlack();
    const client = api(org.slug, owner.cookie);
    for (const bad of [{ source: "stripe" }, { eventTypes: ["Pull Request"] }, { eventTypes: ["a.b.c"] }, { name: "" }, { channelId: "<#C0DEPLOYS>" }]) {
      expect((await client.create({ ...prRule(slack.id), ...bad })).status).toBe(422);
    }
    const { body: rule } = await client.create(prRule(slack.id));
    expect((await client.update(rule.id, {})).status).toBe(422);
  });

  it("lets members read rules but not create, change or delete them", async () => {
    const { org, owner, members, slack } = await orgWithSlack(["member"]);
    const { body: rule } = await api(org.slug, owner.cookie).create(prRule(slack.id));
    const member = api(org.slug, members[0]!.cookie);
    expect((await member.list()).body.items.map((item: { id: string }) => item.id)).toEqual([rule.id]);
    expect((await member.create(prRule(slack.id))).status).toBe(403);
    expect((await member.update(rule.id, { enabled: false })).status).toBe(403);
    expect((await member.remove(rule.id)).status).toBe(403);
    expect(await getDb().notificationRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ enabled: true });
  });

  it("does not find another org's rules", async () => {
    const victim = await orgWithSlack();
    const attacker = await orgWithSlack();
    const { body: rule } = await api(victim.org.slug, victim.owner.cookie).create(prRule(victim.slack.id));
    const client = api(attacker.org.slug, attacker.owner.cookie);
    expect((await client.list()).body.items).toEqual([]);
    expect((await client.update(rule.id, { enabled: false })).status).toBe(404);
    expect((await client.remove(rule.id)).status).toBe(404);
    expect((await api(victim.org.slug, attacker.owner.cookie).list()).status).toBe(404);
    expect(await getDb().notificationRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ enabled: true });
  });
});
