// Org events: recording one enqueues a notify job per enabled matching rule in the same
// transaction (once per delivery); Bastion's own events (member joined, data key
// rotated, payment failed) are recorded with the change they report; the activity feed
// lists an org's events newest first, by source, on a cursor, and nobody else's.
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/v1/invitations/accept/route";
import * as activityRoute from "@/app/api/v1/orgs/[slug]/activity/route";
import { POST as rotateRoute } from "@/app/api/v1/orgs/[slug]/secrets/rotate-data-key/route";
import { hashToken } from "../../auth/tokens";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { orgWithMembers, signedInUser, uniqueSuffix } from "../../testing/fixtures";
import { call } from "../../testing/http";
import { createTestConnection } from "../../testing/integration-fixtures";
import type { NormalizedEvent } from "../types";
import { recordPaymentFailed } from "./bastion";
import { recordOrgEvent } from "./record";

const event = (overrides: Partial<NormalizedEvent> = {}): NormalizedEvent => ({
  source: "github",
  type: "pull_request",
  action: "opened",
  actor: "octocat",
  resource: "octo/app",
  url: "https://github.com/octo/app/pull/1",
  summary: "octocat opened pull request #1 in octo/app",
  occurredAt: new Date(),
  actorId: "1",
  ...overrides,
});

async function rules(orgId: string, list: { source?: string; eventTypes: string[]; enabled?: boolean }[]) {
  const slack = await createTestConnection(orgId, "slack", { ACCESS_TOKEN: "xoxb-test" });
  const created = [];
  for (const [index, rule] of list.entries()) {
    created.push(await getDb().notificationRule.create({ data: { orgId, name: `rule ${index}`, source: "github", slackConnectionId: slack.id, channelId: "C0DEPLOYS", channelName: "#deploys", ...rule } }));
  }
  return created;
}

const notifyJobsFor = async (orgEventId: string) =>
  (await getDb().job.findMany({ where: { task: "integrations.notify", payload: { path: ["orgEventId"], equals: orgEventId } } })).map((job) => (job.payload as { ruleId: string }).ruleId).sort();

const feed = (slug: string, cookie: string, query = "") => call(activityRoute.GET, "GET", `/api/v1/orgs/${slug}/activity${query}`, { cookie, params: { slug } });

describeWith(["postgres", "redis"], "org events", () => {
  it("enqueues one notify job per enabled matching rule with the event, and records a delivery's event once", async () => {
    const { org } = await orgWithMembers();
    const [opened, anyPr, disabled, push, jira] = await rules(org.id, [
      { eventTypes: ["pull_request.opened"] },
      { eventTypes: ["pull_request"] },
      { eventTypes: ["pull_request"], enabled: false },
      { eventTypes: ["push"] },
      { source: "jira", eventTypes: [] },
    ]);
    const github = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: "s" });
    const delivery = await getDb().webhookDelivery.create({ data: { orgId: org.id, connectionId: github.id, provider: "github", deliveryId: "d-1", eventType: "pull_request", action: "opened", payload: {} } });

    const first = await getDb().$transaction((tx) => recordOrgEvent(tx, org.id, event(), delivery.id));
    expect(first).toMatchObject({ created: true, notifications: 2 });
    expect(await notifyJobsFor(first.event.id)).toEqual([opened!.id, anyPr!.id].sort());
    expect(await getDb().job.count({ where: { uniqueKey: `notify:${opened!.id}:${first.event.id}` } })).toBe(1);
    for (const rule of [disabled, push, jira]) expect(await getDb().job.count({ where: { uniqueKey: `notify:${rule!.id}:${first.event.id}` } })).toBe(0);

    const second = await getDb().$transaction((tx) => recordOrgEvent(tx, org.id, event({ summary: "again" }), delivery.id));
    expect(second).toMatchObject({ created: false, notifications: 0, event: { id: first.event.id, summary: first.event.summary } });
    expect(await getDb().orgEvent.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(await notifyJobsFor(first.event.id)).toHaveLength(2);
  });

  it("writes nothing when the surrounding transaction fails, and keeps only http(s) links", async () => {
    const { org } = await orgWithMembers();
    const [everything] = await rules(org.id, [{ eventTypes: [] }]);
    const jobsOfRule = () => getDb().job.count({ where: { task: "integrations.notify", payload: { path: ["ruleId"], equals: everything!.id } } });
    const marker = `rolled-back-${uniqueSuffix()}`;
    await expect(
      getDb().$transaction(async (tx) => {
        await recordOrgEvent(tx, org.id, event({ summary: marker }));
        throw new Error("the change it reports failed");
      }),
    ).rejects.toThrow("the change it reports failed");
    expect(await getDb().orgEvent.count({ where: { summary: marker } })).toBe(0);
    expect(await jobsOfRule()).toBe(0);

    const { event: stored } = await getDb().$transaction((tx) => recordOrgEvent(tx, org.id, event({ url: "javascript:alert(1)" })));
    expect(stored.url).toBeNull();
    expect(await jobsOfRule()).toBe(1);
  });

  it("records a member joining through an invitation as a bastion event that rules can route", async () => {
    const { org } = await orgWithMembers();
    const [joined] = await rules(org.id, [{ source: "bastion", eventTypes: ["member.joined"] }]);
    const invitee = await signedInUser({ name: "Ines Invitee", email: `ines-${uniqueSuffix()}@example.test` });
    const token = randomBytes(24).toString("base64url");
    await getDb().invitation.create({ data: { orgId: org.id, kind: "email", email: invitee.user.email, role: "admin", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3_600_000) } });

    expect((await call(acceptRoute, "POST", "/api/v1/invitations/accept", { cookie: invitee.cookie, body: { token } })).status).toBe(200);
    const stored = await getDb().orgEvent.findFirstOrThrow({ where: { orgId: org.id, source: "bastion" } });
    expect(stored).toMatchObject({ type: "member", action: "joined", actor: "Ines Invitee", resource: org.slug, summary: `Ines Invitee joined ${org.slug} as admin`, url: `http://localhost:3000/orgs/${org.slug}/members` });
    expect(await notifyJobsFor(stored.id)).toEqual([joined!.id]);
  });

  it("records a data key rotation and a failed payment as bastion events", async () => {
    const { org, owner } = await orgWithMembers();
    expect((await call(rotateRoute, "POST", `/api/v1/orgs/${org.slug}/secrets/rotate-data-key`, { cookie: owner.cookie, params: { slug: org.slug } })).status).toBe(202);
    const rotated = await getDb().orgEvent.findFirstOrThrow({ where: { orgId: org.id, type: "secret" } });
    expect(rotated).toMatchObject({ source: "bastion", action: "rotated", actor: "Olive Owner", summary: expect.stringMatching(new RegExp(`^Olive Owner rotated the secrets' data key of ${org.slug} \\(now version \\d+\\)$`)) });

    await getDb().$transaction((tx) => recordPaymentFailed(tx, { orgId: org.id, orgSlug: org.slug, amountDue: 4900, currency: "usd", invoiceUrl: "https://invoice.stripe.com/i/acct_1/test_1" }));
    const failed = await getDb().orgEvent.findFirstOrThrow({ where: { orgId: org.id, type: "payment" } });
    expect(failed).toMatchObject({ source: "bastion", action: "failed", actor: null, url: "https://invoice.stripe.com/i/acct_1/test_1", summary: `A payment of $49.00 for ${org.slug} failed` });
  });

  it("lists the activity feed newest first, by source, along a cursor, to members and to nobody outside", async () => {
    const { org, members } = await orgWithMembers(["member"]);
    const outsider = await orgWithMembers();
    const base = Date.now() - 100_000;
    for (let index = 0; index < 5; index++) {
      await getDb().$transaction((tx) => recordOrgEvent(tx, org.id, event({ source: index % 2 ? "jira" : "github", summary: `event ${index}`, occurredAt: new Date(base + index * 1000) })));
    }
    const member = members[0]!.cookie;
    const first = await feed(org.slug, member, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { summary: string }) => item.summary)).toEqual(["event 4", "event 3"]);
    expect(first.body.items[0]).toEqual({ id: expect.any(String), source: "github", type: "pull_request", action: "opened", actor: "octocat", resource: "octo/app", url: "https://github.com/octo/app/pull/1", summary: "event 4", occurredAt: new Date(base + 4000).toISOString() });
    const second = await feed(org.slug, member, `?limit=2&cursor=${first.body.nextCursor}`);
    const third = await feed(org.slug, member, `?limit=2&cursor=${second.body.nextCursor}`);
    expect([...second.body.items, ...third.body.items].map((item: { summary: string }) => item.summary)).toEqual(["event 2", "event 1", "event 0"]);
    expect(third.body.nextCursor).toBeNull();
    expect((await feed(org.slug, member, "?source=jira")).body.items.map((item: { summary: string }) => item.summary)).toEqual(["event 3", "event 1"]);
    expect((await feed(org.slug, member, "?source=stripe")).status).toBe(422);

    expect((await feed(outsider.org.slug, outsider.owner.cookie)).body.items).toEqual([]);
    expect((await feed(org.slug, outsider.owner.cookie)).status).toBe(404);
  });
});
