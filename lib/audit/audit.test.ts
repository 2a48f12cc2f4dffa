import { expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/orgs/[slug]/audit/export/route";
import { GET as listRoute } from "@/app/api/v1/orgs/[slug]/audit/route";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";
import { csvCell } from "./export";
import { enforceAuditRetention } from "./tasks";

async function seedEvents(orgId: string, actorId: string, count: number, start = Date.now() - count * 1000) {
  await getDb().auditEvent.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      orgId,
      actorId,
      action: index % 2 === 0 ? "member.removed" : "secret.revealed",
      targetType: index % 2 === 0 ? "user" : "secret",
      targetId: `t${index}`,
      metadata: { index },
      createdAt: new Date(start + index * 1000),
    })),
  });
}

describeWith(["postgres"], "audit log", () => {
  it("lists newest first with filters and a cursor that visits every event once", async () => {
    const { org, owner } = await orgWithMembers();
    await seedEvents(org.id, owner.user.id, 25);
    const params = { slug: org.slug };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; createdAt: string; actor: unknown }[]; nextCursor: string | null } } = await call(listRoute, "GET", `/x?action=member.*&limit=5${cursor ? `&cursor=${cursor}` : ""}`, { cookie: owner.cookie, params: { slug: org.slug } });
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);

    const first = await call(listRoute, "GET", "/x?limit=3&targetType=secret", { cookie: owner.cookie, params });
    const times = first.body.items.map((item: { createdAt: string }) => Date.parse(item.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.body.items[0]).toMatchObject({ action: "secret.revealed", actor: { id: owner.user.id, name: "Olive Owner" } });

    const from = new Date(Date.now() - 5_500).toISOString();
    const recent = await call(listRoute, "GET", `/x?from=${encodeURIComponent(from)}&limit=100`, { cookie: owner.cookie, params });
    expect(recent.body.items.length).toBeGreaterThan(0);
    expect(recent.body.items.every((item: { createdAt: string }) => Date.parse(item.createdAt) >= Date.parse(from))).toBe(true);
    expect((await call(listRoute, "GET", "/x?from=yesterday", { cookie: owner.cookie, params })).status).toBe(422);
  });

  it("is readable by owners and admins only, and hidden from other orgs", async () => {
    const { org, members } = await orgWithMembers(["admin", "member", "billing"]);
    const params = { slug: org.slug };
    expect((await call(listRoute, "GET", "/x", { cookie: members[0]!.cookie, params })).status).toBe(200);
    expect((await call(listRoute, "GET", "/x", { cookie: members[1]!.cookie, params })).status).toBe(403);
    expect((await call(exportRoute, "GET", "/x", { cookie: members[2]!.cookie, params })).status).toBe(403);
    const other = await orgWithMembers();
    expect((await call(listRoute, "GET", "/x", { cookie: other.owner.cookie, params })).status).toBe(404);
  });

  it("exports CSV and JSON Lines as a stream, and records the export", async () => {
    const { org, owner } = await orgWithMembers();
    await seedEvents(org.id, owner.user.id, 4500);
    await getDb().auditEvent.create({ data: { orgId: org.id, actorId: owner.user.id, action: "org.updated", metadata: { name: { from: "=HYPERLINK(\"x\")", to: "b" } } } });
    const response = await exportRoute(new Request(`http://localhost:3000/api/v1/orgs/${org.slug}/audit/export?format=csv`, { headers: { cookie: owner.cookie } }), { params: Promise.resolve({ slug: org.slug }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="audit-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const csv = await response.text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("id,createdAt,action,actorId,actorType,targetType,targetId,ip,userAgent,requestId,metadata");
    // 4,500 seeded + 1 update, and the export's own event is written before streaming.
    expect(lines).toHaveLength(1 + 4501 + 1);

    const jsonl = await (await exportRoute(new Request(`http://localhost:3000/x?format=jsonl&action=org.updated`, { headers: { cookie: owner.cookie } }), { params: Promise.resolve({ slug: org.slug }) })).text();
    const events = jsonl.trim().split("\n").map((line) => JSON.parse(line));
    expect(events).toEqual([expect.objectContaining({ action: "org.updated", metadata: { name: { from: "=HYPERLINK(\"x\")", to: "b" } } })]);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "audit.exported" } })).toBe(2);

    // The export applies the list's filters: an action family and a time window.
    const from = new Date(Date.now() - 1_000 * 1_000).toISOString();
    const filtered = await (
      await exportRoute(new Request(`http://localhost:3000/x?format=jsonl&action=member.*&from=${encodeURIComponent(from)}`, { headers: { cookie: owner.cookie } }), {
        params: Promise.resolve({ slug: org.slug }),
      })
    ).text();
    const expected = await getDb().auditEvent.count({ where: { orgId: org.id, action: { startsWith: "member." }, createdAt: { gte: new Date(from) } } });
    const exported = filtered.trim().split("\n").map((line) => JSON.parse(line) as { action: string; createdAt: string });
    expect(exported).toHaveLength(expected);
    expect(expected).toBeGreaterThan(400);
    expect(exported.every((event) => event.action === "member.removed" && Date.parse(event.createdAt) >= Date.parse(from))).toBe(true);
    const times = exported.map((event) => Date.parse(event.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("names actors, targets and API keys, filters by actor and target text, and validates the date range", async () => {
    const { org, owner, members } = await orgWithMembers(["admin"]);
    const admin = members[0]!;
    const params = { slug: org.slug };
    await getDb().auditEvent.create({ data: { orgId: org.id, actorId: owner.user.id, action: "member.role_changed", targetType: "user", targetId: admin.user.id, metadata: { from: "member", to: "admin" } } });
    await getDb().auditEvent.create({ data: { orgId: org.id, actorId: admin.user.id, action: "member.removed", targetType: "user", targetId: "gone-user", metadata: { email: "gone@example.test" } } });
    await getDb().auditEvent.create({ data: { orgId: org.id, actorId: owner.user.id, action: "org.updated", targetType: "org", targetId: org.id, metadata: {} } });
    // A key reading the export writes an event attributed to the key and its creator.
    const key = await createTestApiKey(org.id, owner.user.id, ["audit:read"], { name: "Nightly SIEM pull" });
    expect((await exportRoute(new Request(`http://localhost:3000/x?format=jsonl&action=nothing.here`, { headers: { authorization: key.authorization } }), { params: Promise.resolve(params) })).status).toBe(200);

    const all = await call(listRoute, "GET", "/x", { cookie: owner.cookie, params });
    const byAction = Object.fromEntries(all.body.items.map((item: { action: string }) => [item.action, item]));
    expect(byAction["member.role_changed"]).toMatchObject({ actor: { name: "Olive Owner" }, target: { label: "admin member", detail: admin.user.email } });
    expect(byAction["member.removed"]).toMatchObject({ actor: { id: admin.user.id }, target: { label: "gone@example.test" } });
    expect(byAction["org.updated"]).toMatchObject({ target: { label: org.name, detail: null } });
    expect(byAction["audit.exported"]).toMatchObject({
      actorType: "api_key",
      actor: { id: owner.user.id },
      apiKey: { id: key.row.id, name: "Nightly SIEM pull", prefix: key.row.prefix },
      metadata: { apiKeyId: key.row.id, filters: { action: "nothing.here" } },
    });

    const actions = async (query: string) => (await call(listRoute, "GET", `/x?${query}`, { cookie: owner.cookie, params })).body.items.map((item: { action: string }) => item.action).sort();
    expect(await actions(`actor=${encodeURIComponent(admin.user.email.toUpperCase())}`)).toEqual(["member.removed"]);
    expect(await actions("actor=olive")).toEqual(["audit.exported", "member.role_changed", "org.updated"]);
    expect(await actions("target=admin%20member")).toEqual(["member.role_changed"]);
    expect(await actions("target=gone-user")).toEqual(["member.removed"]);
    expect(await actions("actor=nobody-at-all")).toEqual([]);

    // The export takes the same filters.
    const exported = await (await exportRoute(new Request(`http://localhost:3000/x?format=jsonl&actor=olive&action=member.*`, { headers: { cookie: owner.cookie } }), { params: Promise.resolve(params) })).text();
    expect(exported.trim().split("\n").map((line) => (JSON.parse(line) as { action: string }).action)).toEqual(["member.role_changed"]);

    const reversed = await call(listRoute, "GET", "/x?from=2026-12-04&to=2026-12-01", { cookie: owner.cookie, params });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.details).toEqual([expect.objectContaining({ path: "to", message: "must not be before the start date" })]);
    expect((await call(exportRoute, "GET", "/x?from=2026-12-04&to=2026-12-01", { cookie: owner.cookie, params })).status).toBe(422);
  });

  it("neutralises spreadsheet formulas in CSV cells", () => {
    expect(csvCell("=1+1")).toBe(`"'=1+1"`);
    expect(csvCell('say "hi"')).toBe(`"say ""hi"""`);
    expect(csvCell(null)).toBe(`""`);
  });

  it("is append-only in the database and trimmed by the retention job", async () => {
    const { org, owner } = await orgWithMembers();
    await getDb().organization.update({ where: { id: org.id }, data: { auditRetentionDays: 30 } });
    await seedEvents(org.id, owner.user.id, 2, Date.now() - 40 * 24 * 60 * 60 * 1000);
    await seedEvents(org.id, owner.user.id, 3);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id } });
    await expect(getDb().auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/audit events cannot be modified/);

    await enforceAuditRetention.run({}, { db: getDb(), jobId: "test", attempt: 1, signal: new AbortController().signal });
    expect(await getDb().auditEvent.count({ where: { orgId: org.id } })).toBe(3);
  });
});
