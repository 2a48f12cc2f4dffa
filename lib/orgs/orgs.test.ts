import { expect, it } from "vitest";
import { GET as listOrgs, POST as createOrgRoute } from "@/app/api/v1/orgs/route";
import { DELETE as deleteOrgRoute, GET as getOrgRoute, PATCH as updateOrgRoute } from "@/app/api/v1/orgs/[slug]/route";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers, signedInUser, uniqueSuffix } from "../testing/fixtures";
import { call } from "../testing/http";

describeWith(["postgres"], "organizations", () => {
  it("creates an org whose creator is its owner, with an audit event", async () => {
    const { user, cookie } = await signedInUser();
    const slug = `new-${uniqueSuffix()}`;
    const created = await call(createOrgRoute, "POST", "/api/v1/orgs", { cookie, body: { name: "  New Co ", slug: slug.toUpperCase() } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "New Co", slug, role: "owner" });
    const membership = await getDb().membership.findFirstOrThrow({ where: { org: { slug } } });
    expect(membership).toMatchObject({ userId: user.id, role: "owner" });
    expect(await getDb().auditEvent.count({ where: { orgId: created.body.id, action: "org.created", actorId: user.id } })).toBe(1);

    const mine = await call(listOrgs, "GET", "/api/v1/orgs", { cookie });
    expect(mine.body.items.map((org: { slug: string }) => org.slug)).toContain(slug);
  });

  it("refuses a taken or malformed slug and anonymous callers", async () => {
    const { cookie } = await signedInUser();
    const { org } = await orgWithMembers();
    expect((await call(createOrgRoute, "POST", "/api/v1/orgs", { cookie, body: { name: "Dup", slug: org.slug } })).status).toBe(409);
    const bad = await call(createOrgRoute, "POST", "/api/v1/orgs", { cookie, body: { name: "Bad", slug: "-no-" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ path: "slug", in: "body" });
    expect((await call(createOrgRoute, "POST", "/api/v1/orgs", { body: { name: "x", slug: "xyz-1" } })).status).toBe(401);
  });

  it("changes the slug and keeps the old one redirecting for members only, reserved for 30 days", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const newSlug = `renamed-${uniqueSuffix()}`;
    const updated = await call(updateOrgRoute, "PATCH", `/api/v1/orgs/${org.slug}`, { cookie: owner.cookie, params: { slug: org.slug }, body: { slug: newSlug } });
    expect(updated.status).toBe(200);
    expect(updated.body.slug).toBe(newSlug);

    const viaOld = await call(getOrgRoute, "GET", `/api/v1/orgs/${org.slug}`, { cookie: members[0]!.cookie, params: { slug: org.slug } });
    expect(viaOld.status).toBe(308);
    expect(viaOld.headers.get("location")).toBe(`/api/v1/orgs/${newSlug}`);

    const outsider = await signedInUser();
    expect((await call(getOrgRoute, "GET", `/api/v1/orgs/${org.slug}`, { cookie: outsider.cookie, params: { slug: org.slug } })).status).toBe(404);
    // Nobody else may take the old slug while it redirects.
    expect((await call(createOrgRoute, "POST", "/api/v1/orgs", { cookie: outsider.cookie, body: { name: "Squatter", slug: org.slug } })).status).toBe(409);

    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "org.updated" } });
    expect(audit.metadata).toEqual({ slug: { from: org.slug, to: newSlug } });
  });

  it("lets only an owner delete, with the slug typed as confirmation, and schedules the purge", async () => {
    const { org, owner, members } = await orgWithMembers(["admin"]);
    const admin = members[0]!;
    expect((await call(deleteOrgRoute, "DELETE", `/api/v1/orgs/${org.slug}`, { cookie: admin.cookie, params: { slug: org.slug }, body: { confirmation: org.slug } })).status).toBe(403);
    expect((await call(deleteOrgRoute, "DELETE", `/api/v1/orgs/${org.slug}`, { cookie: owner.cookie, params: { slug: org.slug }, body: { confirmation: "nope" } })).status).toBe(422);

    const deleted = await call(deleteOrgRoute, "DELETE", `/api/v1/orgs/${org.slug}`, { cookie: owner.cookie, params: { slug: org.slug }, body: { confirmation: org.slug } });
    expect(deleted.status).toBe(200);
    expect((await call(getOrgRoute, "GET", `/api/v1/orgs/${org.slug}`, { cookie: owner.cookie, params: { slug: org.slug } })).status).toBe(404);
    const purge = await getDb().job.findFirstOrThrow({ where: { task: "orgs.purge", uniqueKey: `orgs.purge:${org.id}` } });
    expect(purge.runAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);

    const { purgeDeletedOrg } = await import("./tasks");
    await purgeDeletedOrg.run({ orgId: org.id }, { db: getDb(), jobId: purge.id, attempt: 1, signal: new AbortController().signal });
    expect(await getDb().organization.findUnique({ where: { id: org.id } })).toBeNull();
    expect(await getDb().membership.count({ where: { orgId: org.id } })).toBe(0);
  });
});
