// The delivery log API as the console calls it: list with status filter and a keyset
// cursor, one delivery with headers and payload, redeliver; another org's ids are not
// found, and a member reads but cannot redeliver.
import { expect, it } from "vitest";
import * as oneRoute from "@/app/api/v1/orgs/[slug]/integrations/[connectionId]/deliveries/[deliveryId]/route";
import * as redeliverRoute from "@/app/api/v1/orgs/[slug]/integrations/[connectionId]/deliveries/[deliveryId]/redeliver/route";
import * as listRoute from "@/app/api/v1/orgs/[slug]/integrations/[connectionId]/deliveries/route";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { orgWithMembers } from "../../testing/fixtures";
import { call } from "../../testing/http";
import { createTestConnection } from "../../testing/integration-fixtures";

function api(slug: string, cookie: string) {
  const base = (connectionId: string) => `/api/v1/orgs/${slug}/integrations/${connectionId}/deliveries`;
  return {
    list: (connectionId: string, query = "") => call(listRoute.GET, "GET", `${base(connectionId)}${query}`, { cookie, params: { slug, connectionId } }),
    get: (connectionId: string, deliveryId: string) => call(oneRoute.GET, "GET", `${base(connectionId)}/${deliveryId}`, { cookie, params: { slug, connectionId, deliveryId } }),
    redeliver: (connectionId: string, deliveryId: string) =>
      call(redeliverRoute.POST, "POST", `${base(connectionId)}/${deliveryId}/redeliver`, { cookie, params: { slug, connectionId, deliveryId } }),
  };
}

/** `count` deliveries a second apart (newest last), cycling through the given statuses. */
async function deliveries(orgId: string, connectionId: string, count: number, statuses: ("processed" | "failed" | "dead" | "pending")[] = ["processed"]) {
  const start = Date.now() - count * 1000;
  const rows = [];
  for (let index = 0; index < count; index++) {
    rows.push(
      await getDb().webhookDelivery.create({
        data: {
          orgId,
          connectionId,
          provider: "github",
          deliveryId: `gh-${index}`,
          eventType: "push",
          status: statuses[index % statuses.length],
          headers: { "x-github-event": "push", "x-hub-signature-256": "[redacted]" },
          payload: { ref: "refs/heads/main", index },
          attempts: 1,
          lastError: statuses[index % statuses.length] === "processed" ? null : "upstream answered 503",
          receivedAt: new Date(start + index * 1000),
        },
      }),
    );
  }
  return rows;
}

describeWith(["postgres", "redis"], "delivery log API", () => {
  it("lists newest first, filters by status, and pages along a cursor that visits each delivery once", async () => {
    const { org, owner } = await orgWithMembers();
    const github = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: "s" });
    const rows = await deliveries(org.id, github.id, 7, ["processed", "failed", "dead"]);
    const client = api(org.slug, owner.cookie);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const answer: Awaited<ReturnType<typeof client.list>> = await client.list(github.id, `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...answer.body.items.map((item: { id: string }) => item.id));
      cursor = answer.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(rows.map((row) => row.id).reverse());

    const first = await client.list(github.id);
    expect(first.body.items[0]).toEqual({
      id: rows[6]!.id,
      deliveryId: "gh-6",
      eventType: "push",
      action: null,
      status: "processed",
      attempts: 1,
      lastError: null,
      receivedAt: rows[6]!.receivedAt.toISOString(),
      processedAt: null,
    });
    expect(JSON.stringify(first.body)).not.toContain("refs/heads/main");

    const dead = await client.list(github.id, "?status=dead");
    expect(dead.body.items.map((item: { deliveryId: string }) => item.deliveryId)).toEqual(["gh-5", "gh-2"]);
    expect(dead.body.items[0]).toMatchObject({ status: "dead", lastError: "upstream answered 503" });

    expect((await client.list(github.id, "?status=lost")).status).toBe(422);
    expect((await client.list(github.id, "?limit=0")).status).toBe(422);
    expect((await client.list(github.id, "?cursor=not-a-cursor")).body).toMatchObject({ error: { code: "invalid_request" } });
  });

  it("shows one delivery with its stored headers and payload", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const github = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: "s" });
    const [row] = await deliveries(org.id, github.id, 1);
    const answer = await api(org.slug, members[0]!.cookie).get(github.id, row!.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: row!.id, deliveryId: "gh-0", headers: { "x-hub-signature-256": "[redacted]" }, payload: { ref: "refs/heads/main", index: 0 } });
    expect((await api(org.slug, owner.cookie).get(github.id, "dlv_missing")).status).toBe(404);
  });

  it("redelivers: back to pending with a fresh job, audited; a member may not", async () => {
    const { org, owner, members } = await orgWithMembers(["admin", "member"]);
    const github = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: "s" });
    const [row] = await deliveries(org.id, github.id, 1, ["dead"]);

    const refused = await api(org.slug, members[1]!.cookie).redeliver(github.id, row!.id);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "dead" });

    const answer = await api(org.slug, members[0]!.cookie).redeliver(github.id, row!.id);
    expect(answer).toMatchObject({ status: 202, body: { id: row!.id, status: "pending", lastError: null, processedAt: null } });
    const stored = await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    const job = await getDb().job.findUniqueOrThrow({ where: { id: stored.jobId! } });
    expect(job).toMatchObject({ task: "integrations.process-delivery", payload: { deliveryId: row!.id }, uniqueKey: expect.stringMatching(new RegExp(`^delivery:${row!.id}:redeliver:`)) });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "integration.delivery_redelivered" } });
    expect(audit).toMatchObject({ actorId: members[0]!.user.id, targetType: "webhook_delivery", targetId: row!.id, metadata: { connectionId: github.id, deliveryId: "gh-0", previousStatus: "dead" } });

    // Twice: two jobs, each its own key.
    expect((await api(org.slug, owner.cookie).redeliver(github.id, row!.id)).status).toBe(202);
    expect(await getDb().job.count({ where: { uniqueKey: { startsWith: `delivery:${row!.id}:redeliver:` } } })).toBe(2);
  });

  it("answers 404 for another org's connection or delivery, and for a delivery under the wrong connection", async () => {
    const victim = await orgWithMembers();
    const attacker = await orgWithMembers();
    const victimConnection = await createTestConnection(victim.org.id, "github", { WEBHOOK_SECRET: "s" });
    const attackerConnection = await createTestConnection(attacker.org.id, "github", { WEBHOOK_SECRET: "s" });
    const otherConnection = await createTestConnection(victim.org.id, "gitlab", { WEBHOOK_SECRET: "s" });
    const [row] = await deliveries(victim.org.id, victimConnection.id, 1, ["dead"]);
    const client = api(attacker.org.slug, attacker.owner.cookie);

    expect((await client.list(victimConnection.id)).status).toBe(404);
    expect((await client.get(victimConnection.id, row!.id)).status).toBe(404);
    expect((await client.get(attackerConnection.id, row!.id)).status).toBe(404);
    expect((await client.redeliver(attackerConnection.id, row!.id)).status).toBe(404);
    expect((await client.redeliver(victimConnection.id, row!.id)).status).toBe(404);
    // The victim's own delivery under another of its connections is not found either.
    expect((await api(victim.org.slug, victim.owner.cookie).get(otherConnection.id, row!.id)).status).toBe(404);
    // Not a member of the victim's org at all: the org itself is not found.
    expect((await api(victim.org.slug, attacker.owner.cookie).list(victimConnection.id)).status).toBe(404);
    expect(await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "dead" });
  });
});
