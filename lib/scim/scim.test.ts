// SCIM behaviour beyond the replays: deprovisioning takes effect on the very next request,
// groups linked to roles set members' roles (highest wins), the directory token works
// only on its own org's SCIM routes and nothing else works there, pagination, rotation.
import { expect, it } from "vitest";
import * as accountRoute from "@/app/api/v1/account/route";
import * as orgRoute from "@/app/api/v1/orgs/[slug]/route";
import { createSession } from "../auth/sessions";
import { SESSION_COOKIE } from "../auth/session-cookie";
import { getDb } from "../db";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { describeWith } from "../testing/describe";
import { orgWithMembers, uniqueSuffix } from "../testing/fixtures";
import { call } from "../testing/http";
import { issueTestScimToken, scimCall } from "../testing/scim-client";
import { linkGroupRole, scimOverview } from "./directory";
import { roleFromGroups } from "./roles";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

async function directory() {
  const { org, owner } = await orgWithMembers();
  const authorization = `Bearer ${await issueTestScimToken(org, owner.user.id)}`;
  const scim = (method: string, path: string, body?: unknown) => scimCall(org.slug, authorization, method, path, body);
  const ownerCtx = { actor: { userId: owner.user.id, type: "user" as const }, org, role: "owner" as const, requestId: "test", ip: null, userAgent: null };
  return { org, owner, authorization, scim, ownerCtx };
}

async function provision(scim: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>, name = `p-${uniqueSuffix()}`) {
  const email = `${name}@example.test`;
  const created = await scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: email, emails: [{ type: "work", value: email, primary: true }], active: true });
  expect(created.status).toBe(201);
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  return { scimId: created.body.id as string, user };
}

async function roleOf(orgId: string, userId: string) {
  return (await getDb().membership.findUnique({ where: { orgId_userId: { orgId, userId } } }))?.role ?? null;
}

describeWith(["postgres"], "SCIM provisioning", () => {
  it("deactivation ends the user's sessions and API keys at once: the next request is refused", async () => {
    const { org, scim } = await directory();
    const { scimId, user } = await provision(scim);
    expect(await roleOf(org.id, user.id)).toBe("member");
    const session = await createSession(getDb(), { userId: user.id, method: "sso", ip: null, userAgent: null });
    const cookie = `${SESSION_COOKIE}=${session.token}`;
    const key = await createTestApiKey(org.id, user.id, ["org:read"]);
    expect((await call(accountRoute.GET, "GET", "/api/v1/account", { cookie })).status).toBe(200);
    expect((await call(orgRoute.GET, "GET", `/api/v1/orgs/${org.slug}`, { headers: { authorization: key.authorization }, params: { slug: org.slug } })).status).toBe(200);

    const patched = await scim("PATCH", `/Users/${scimId}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(patched.body.active).toBe(false);

    expect((await call(accountRoute.GET, "GET", "/api/v1/account", { cookie })).status).toBe(401);
    expect((await call(orgRoute.GET, "GET", `/api/v1/orgs/${org.slug}`, { headers: { authorization: key.authorization }, params: { slug: org.slug } })).status).toBe(401);
    expect(await roleOf(org.id, user.id)).toBeNull();
    const events = await getDb().auditEvent.findMany({ where: { orgId: org.id, targetId: user.id }, select: { action: true, actorType: true } });
    expect(events).toEqual(expect.arrayContaining([{ action: "scim.user_deactivated", actorType: "scim" }, { action: "scim.user_created", actorType: "scim" }]));

    // Reactivation gives the membership back; DELETE removes it again.
    await scim("PATCH", `/Users/${scimId}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: true } }] });
    expect(await roleOf(org.id, user.id)).toBe("member");
    expect((await scim("DELETE", `/Users/${scimId}`)).status).toBe(204);
    expect(await roleOf(org.id, user.id)).toBeNull();
  });

  it("gives members the highest role of their linked groups, and changes it as groups change", async () => {
    const { org, scim, ownerCtx } = await directory();
    const { scimId, user } = await provision(scim);
    const billing = (await scim("POST", "/Groups", { displayName: `Finance ${uniqueSuffix()}`, members: [{ value: scimId }] })).body.id as string;
    const admins = (await scim("POST", "/Groups", { displayName: `Admins ${uniqueSuffix()}`, members: [] })).body.id as string;
    expect(await roleOf(org.id, user.id)).toBe("member");

    await linkGroupRole(ownerCtx, billing, "billing");
    await linkGroupRole(ownerCtx, admins, "admin");
    expect(await roleOf(org.id, user.id)).toBe("billing");

    await scim("PATCH", `/Groups/${admins}`, { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: [{ value: scimId }] }] });
    expect(await roleOf(org.id, user.id)).toBe("admin");

    await scim("PATCH", `/Groups/${admins}`, { schemas: [PATCH_OP], Operations: [{ op: "remove", path: `members[value eq "${scimId}"]` }] });
    expect(await roleOf(org.id, user.id)).toBe("billing");

    expect((await scim("DELETE", `/Groups/${billing}`)).status).toBe(204);
    expect(await roleOf(org.id, user.id)).toBe("member");
  });

  it("ranks roles admin over billing over member, and never grants owner", () => {
    expect(roleFromGroups([null, "member", "billing"])).toBe("billing");
    expect(roleFromGroups(["billing", "admin"])).toBe("admin");
    expect(roleFromGroups(["owner"])).toBe("member");
    expect(roleFromGroups([])).toBe("member");
  });

  it("accepts its token only on its own org's SCIM routes, and only its token there", async () => {
    const { org, owner, authorization, scim } = await directory();
    const other = await directory();
    // The SCIM token elsewhere in the API: refused.
    expect((await call(orgRoute.GET, "GET", `/api/v1/orgs/${org.slug}`, { headers: { authorization }, params: { slug: org.slug } })).status).toBe(401);
    // Session and API key on a SCIM route: refused, in SCIM's format.
    const key = await createTestApiKey(org.id, owner.user.id, ["org:read", "members:read"]);
    for (const credential of [key.authorization, null]) {
      const refused = await scimCall(org.slug, credential, "GET", "/Users");
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
    }
    const withCookie = await usersRouteWithCookie(org.slug, owner.cookie);
    expect(withCookie).toBe(401);
    // Another org's token under this org's slug: not found.
    expect((await scimCall(org.slug, other.authorization, "GET", "/Users")).status).toBe(404);
    // documentationUri names a page the instance serves: the API reference at its SCIM tag.
    expect((await scim("GET", "/ServiceProviderConfig")).body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, documentationUri: expect.stringMatching(/\/api-reference\?tag=scim$/) });
    expect((await scim("GET", "/ResourceTypes")).body.Resources.map((type: { id: string }) => type.id)).toEqual(["User", "Group"]);
    expect((await scim("GET", "/Schemas")).body.totalResults).toBe(3);
  });

  it("rotating the token ends the old one at once", async () => {
    const { org, owner, authorization } = await directory();
    const fresh = `Bearer ${await issueTestScimToken(org, owner.user.id)}`;
    expect((await scimCall(org.slug, authorization, "GET", "/Users")).status).toBe(401);
    expect((await scimCall(org.slug, fresh, "GET", "/Users")).status).toBe(200);
    const overview = await scimOverview(org.id, org.slug);
    expect(overview.directory?.lastSyncAt).not.toBeNull();
    expect(overview.events.map((event) => event.action)).toEqual(expect.arrayContaining(["scim.token_created", "scim.token_rotated"]));
  });

  it("pages with startIndex and count, and refuses a malformed filter with invalidFilter", async () => {
    const { scim } = await directory();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push((await provision(scim, `page-${index}-${uniqueSuffix()}`)).scimId);
    const page = await scim("GET", "/Users?startIndex=3&count=2");
    expect(page.body).toMatchObject({ totalResults: 5, startIndex: 3, itemsPerPage: 2 });
    expect(page.body.Resources.map((user: { id: string }) => user.id)).toEqual(ids.slice(2, 4));
    const bad = await scim("GET", '/Users?filter=userName eq "unterminated');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: "400", scimType: "invalidFilter" });
  });

  it("links an existing account only when its domain is verified by the org or it is already a member", async () => {
    const { org, scim } = await directory();
    const stranger = await getDb().user.create({ data: { email: `stranger-${uniqueSuffix()}@elsewhere.example` } });
    const refused = await scim("POST", "/Users", { userName: stranger.email, emails: [{ type: "work", value: stranger.email }] });
    expect(refused.status).toBe(409);
    expect(await roleOf(org.id, stranger.id)).toBeNull();
    await getDb().orgDomain.create({ data: { orgId: org.id, domain: stranger.email.split("@")[1]!, verificationToken: "t", verifiedAt: new Date() } });
    expect((await scim("POST", "/Users", { userName: stranger.email, emails: [{ type: "work", value: stranger.email }] })).status).toBe(201);
    expect(await roleOf(org.id, stranger.id)).toBe("member");
  });
});

async function usersRouteWithCookie(slug: string, cookie: string): Promise<number> {
  const { GET } = await import("@/app/api/scim/v2/[slug]/Users/route");
  const response = await GET(new Request(`http://localhost:3000/api/scim/v2/${slug}/Users`, { headers: { cookie, origin: "http://localhost:3000" } }), { params: Promise.resolve({ slug }) });
  return response.status;
}
