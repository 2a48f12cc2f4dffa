// GET /api/v1/orgs/[slug]/usage/report: per-day figures as JSON and CSV, validation, permission.
import { expect, it } from "vitest";
import { GET } from "@/app/api/v1/orgs/[slug]/usage/report/route";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describeWith(["postgres"], "usage report", () => {
  it("reports each day of the period, as JSON and as a CSV download", async () => {
    const { org, owner } = await orgWithMembers(["billing", "member"]);
    const twoDaysAgo = new Date(`${dayOf(-2)}T10:00:00Z`);
    await getDb().membership.updateMany({ where: { orgId: org.id, role: "member" }, data: { createdAt: new Date(`${dayOf(-1)}T10:00:00Z`) } });
    await getDb().membership.updateMany({ where: { orgId: org.id, role: { not: "member" } }, data: { createdAt: twoDaysAgo } });
    await getDb().apiUsage.createMany({ data: [{ orgId: org.id, day: new Date(dayOf(-2)), count: 5 }, { orgId: org.id, day: new Date(dayOf(0)), count: 9 }] });
    await getDb().secret.create({ data: { orgId: org.id, scope: "org", key: "A", createdAt: twoDaysAgo, deletedAt: new Date(`${dayOf(-1)}T12:00:00Z`) } });
    await getDb().secret.create({ data: { orgId: org.id, scope: "org", key: "B", createdAt: twoDaysAgo } });

    const path = `/api/v1/orgs/${org.slug}/usage/report?from=${dayOf(-2)}&to=${dayOf(0)}`;
    const json = await call(GET as never, "GET", path, { cookie: owner.cookie, params: { slug: org.slug } });
    expect(json.status).toBe(200);
    expect(json.body.days.map((day: Record<string, number>) => [day.day, day.apiRequests, day.seats, day.secrets])).toEqual([
      [dayOf(-2), 5, 2, 2],
      [dayOf(-1), 0, 3, 1],
      [dayOf(0), 9, 3, 1],
    ]);

    const response = await (GET as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>)(
      new Request(`http://localhost:3000${path}&format=csv`, { headers: { cookie: owner.cookie, origin: "http://localhost:3000" } }),
      { params: Promise.resolve({ slug: org.slug }) },
    );
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toContain(`${org.slug}-usage-${dayOf(-2)}-to-${dayOf(0)}.csv`);
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("day,apiRequests,seats,secrets,connections,webhookDeliveries,storageBytes");
    expect(lines[1]).toBe(`${dayOf(-2)},5,2,2,0,0,0`);
    expect(lines).toHaveLength(4);
  });

  it("refuses bad periods with 422 and members without billing:read with 403", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const get = (query: string, cookie = owner.cookie) => call(GET as never, "GET", `/api/v1/orgs/${org.slug}/usage/report?${query}`, { cookie, params: { slug: org.slug } });
    expect((await get(`from=${dayOf(0)}&to=${dayOf(-1)}`)).status).toBe(422);
    expect((await get("from=2026-13-45&to=2026-12-01")).status).toBe(422);
    expect((await get("from=2024-01-01&to=2026-01-01")).status).toBe(422);
    expect((await get("format=xml")).status).toBe(422);
    expect((await get("", members[0]!.cookie)).status).toBe(403);
    expect((await get("")).status).toBe(200);
  });
});
