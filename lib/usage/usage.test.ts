import { expect, it } from "vitest";
import { GET as membersRoute } from "@/app/api/v1/orgs/[slug]/members/route";
import { GET as usageRoute } from "@/app/api/v1/orgs/[slug]/usage/route";
import { getDb } from "../db";
import { getRedis } from "../redis";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";
import { flushUsage } from "./flush";
import { PENDING_USAGE_KEY, countInMemory, usageField } from "./pending";

const today = () => new Date().toISOString().slice(0, 10);

describeWith(["postgres", "redis"], "API usage counting", () => {
  it("counts each API-key request per org and day in Redis, flushes it to PostgreSQL once, and serves it per day", async () => {
    const { org, owner } = await orgWithMembers(["member"]);
    const other = await orgWithMembers();
    const key = await createTestApiKey(org.id, owner.user.id, ["members:read", "org:read"]);
    const otherKey = await createTestApiKey(other.org.id, other.owner.user.id, ["members:read"]);
    const list = (slug: string, authorization: string) => call(membersRoute, "GET", `/api/v1/orgs/${slug}/members`, { params: { slug }, headers: { authorization } });
    for (let i = 0; i < 3; i++) expect((await list(org.slug, key.authorization)).status).toBe(200);
    expect((await list(other.org.slug, otherKey.authorization)).status).toBe(200);
    // Console (session) traffic is not API usage.
    expect((await call(membersRoute, "GET", `/api/v1/orgs/${org.slug}/members`, { params: { slug: org.slug }, cookie: owner.cookie })).status).toBe(200);
    expect(await getRedis()!.hget(PENDING_USAGE_KEY, usageField(org.id))).toBe("3");

    await flushUsage(getDb());
    expect(await getRedis()!.hget(PENDING_USAGE_KEY, usageField(org.id))).toBeNull();
    // A second flush finds nothing new: nothing is counted twice.
    await flushUsage(getDb());
    expect((await getDb().apiUsage.findMany({ where: { orgId: org.id } })).map((row) => row.count)).toEqual([3]);

    // More requests after a flush add to the day's row.
    await list(org.slug, key.authorization);
    await flushUsage(getDb());
    const usage = await call(usageRoute, "GET", `/api/v1/orgs/${org.slug}/usage?days=30`, { params: { slug: org.slug }, headers: { authorization: key.authorization } });
    expect(usage.status).toBe(200);
    expect(usage.body.days).toHaveLength(30);
    expect(usage.body.days.at(-1)).toEqual({ day: today(), count: 4 });
    expect(usage.body.total).toBe(4);
    // The usage call itself was counted, as the next flush shows.
    await flushUsage(getDb());
    expect((await getDb().apiUsage.findFirstOrThrow({ where: { orgId: org.id } })).count).toBe(5);
    // The other org's usage is its own.
    expect((await getDb().apiUsage.findFirstOrThrow({ where: { orgId: other.org.id } })).count).toBe(1);
    expect((await call(usageRoute, "GET", `/api/v1/orgs/${org.slug}/usage?days=0`, { params: { slug: org.slug }, cookie: owner.cookie })).status).toBe(422);
  });

  it("flushes counts kept in process memory (single-process mode, or while Redis was down)", async () => {
    const { org } = await orgWithMembers();
    countInMemory(usageField(org.id), 7);
    countInMemory(`${org.id}|2026-01-15`, 2);
    await flushUsage(getDb(), null);
    const rows = await getDb().apiUsage.findMany({ where: { orgId: org.id }, orderBy: { day: "asc" } });
    expect(rows.map((row) => [row.day.toISOString().slice(0, 10), row.count])).toEqual([["2026-01-15", 2], [today(), 7]]);
    await flushUsage(getDb(), null);
    expect((await getDb().apiUsage.findMany({ where: { orgId: org.id } })).reduce((sum, row) => sum + row.count, 0)).toBe(9);
  });
});
