import { expect, it } from "vitest";
import { DELETE as revokeRoute } from "@/app/api/v1/orgs/[slug]/api-keys/[keyId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/orgs/[slug]/api-keys/route";
import { GET as auditRoute } from "@/app/api/v1/orgs/[slug]/audit/route";
import { GET as membersRoute } from "@/app/api/v1/orgs/[slug]/members/route";
import { PATCH as roleRoute } from "@/app/api/v1/orgs/[slug]/members/[membershipId]/route";
import { hashToken } from "../auth/tokens";
import { getDb } from "../db";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";
import { rowsText } from "../testing/rows-text";

const keysPath = (slug: string) => `/api/v1/orgs/${slug}/api-keys`;

describeWith(["postgres"], "API keys", () => {
  it("creates a key shown once as bst_test_…, stored only as its SHA-256, and lists it by prefix", async () => {
    const { org, owner } = await orgWithMembers();
    const created = await call(createRoute, "POST", keysPath(org.slug), {
      cookie: owner.cookie,
      params: { slug: org.slug },
      body: { name: "CI", scopes: ["members:read", "org:read"], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^bst_test_[0-9A-Za-z]{32}$/);
    expect(created.body.apiKey).toMatchObject({ name: "CI", prefix: key.slice(0, 16), scopes: ["members:read", "org:read"], revokedAt: null });

    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: created.body.apiKey.id } });
    expect(row.keyHash).toBe(hashToken(key));
    expect(JSON.stringify(row)).not.toContain(key);

    const listed = await call(listRoute, "GET", keysPath(org.slug), { cookie: owner.cookie, params: { slug: org.slug } });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([row.id]);
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(JSON.stringify(listed.body)).not.toContain(row.keyHash);

    const audit = await getDb().auditEvent.findMany({ where: { orgId: org.id, action: "api_key.created" } });
    expect(audit).toHaveLength(1);
    expect(rowsText(audit)).not.toContain(key);
  });

  it("refuses scopes no key-accepting route checks, unknown scopes and past expiry dates, field by field", async () => {
    const { org, members } = await orgWithMembers(["admin"]);
    const admin = members[0]!;
    const create = (body: unknown) => call(createRoute, "POST", keysPath(org.slug), { cookie: admin.cookie, params: { slug: org.slug }, body });
    // billing:manage guards only session-only routes: a key could never use it.
    const unusable = await create({ name: "x", scopes: ["members:read", "billing:manage"] });
    expect(unusable.status).toBe(422);
    expect(unusable.body.error.details).toEqual([expect.objectContaining({ path: "scopes.1", message: "billing:manage cannot be used by an API key" })]);
    expect((await create({ name: "x", scopes: ["root:everything"] })).status).toBe(422);
    expect((await create({ name: "x", scopes: [] })).status).toBe(422);
    const past = await create({ name: "x".repeat(101), scopes: ["org:read"], expiresAt: "2001-01-01T00:00:00Z" });
    expect(past.status).toBe(422);
    expect(past.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(["expiresAt", "name"]);
    expect(await getDb().apiKey.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("authenticates with the key until it is revoked, then answers 401 and records the refusal", async () => {
    const { org, owner } = await orgWithMembers(["member"]);
    const created = await call(createRoute, "POST", keysPath(org.slug), { cookie: owner.cookie, params: { slug: org.slug }, body: { name: "bot", scopes: ["members:read"] } });
    const authorization = `Bearer ${created.body.key}`;
    const list = () => call(membersRoute, "GET", `/api/v1/orgs/${org.slug}/members`, { params: { slug: org.slug }, headers: { authorization } });
    const ok = await list();
    expect(ok.status).toBe(200);
    expect(ok.body.items).toHaveLength(2);

    const revoked = await call(revokeRoute, "DELETE", `${keysPath(org.slug)}/${created.body.apiKey.id}`, { cookie: owner.cookie, params: { slug: org.slug, keyId: created.body.apiKey.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.apiKey.revokedAt).not.toBeNull();
    expect((await list()).status).toBe(401);
    expect((await list()).status).toBe(401);

    const actions = (await getDb().auditEvent.findMany({ where: { orgId: org.id, targetId: created.body.apiKey.id }, orderBy: { createdAt: "asc" } })).map((event) => [event.action, (event.metadata as { reason?: string }).reason ?? null]);
    // Two refused calls, one audit row: refusals are recorded at most once a minute per key.
    expect(actions).toEqual([["api_key.created", null], ["api_key.revoked", null], ["api_key.use_denied", "revoked"]]);
  });

  it("audits a missing scope once a minute and never audits unknown keys", async () => {
    const { org, owner } = await orgWithMembers();
    const key = await createTestApiKey(org.id, owner.user.id, ["members:read"]);
    for (let attempt = 0; attempt < 3; attempt++) {
      const denied = await call(auditRoute, "GET", `/api/v1/orgs/${org.slug}/audit`, { params: { slug: org.slug }, headers: { authorization: key.authorization } });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain("audit:read");
    }
    const before = await getDb().auditEvent.count({ where: { action: "api_key.use_denied" } });
    for (let attempt = 0; attempt < 5; attempt++) {
      const unknown = await call(auditRoute, "GET", `/api/v1/orgs/${org.slug}/audit`, { params: { slug: org.slug }, headers: { authorization: `Bearer bst_test_${"Z".repeat(31)}${attempt}` } });
      expect(unknown.status).toBe(401);
    }
    expect(await getDb().auditEvent.count({ where: { action: "api_key.use_denied" } })).toBe(before);
    const denials = await getDb().auditEvent.findMany({ where: { orgId: org.id, action: "api_key.use_denied" } });
    expect(denials.map((event) => event.metadata)).toEqual([{ reason: "insufficient_scope", permission: "audit:read" }]);
    expect(denials[0]).toMatchObject({ actorType: "api_key", actorId: owner.user.id, targetId: key.row.id });
  });

  it("records last use at most once a minute", async () => {
    const { org, owner } = await orgWithMembers();
    const key = await createTestApiKey(org.id, owner.user.id, ["members:read"]);
    const list = () => call(membersRoute, "GET", `/api/v1/orgs/${org.slug}/members`, { params: { slug: org.slug }, headers: { authorization: key.authorization } });
    await list();
    const first = (await getDb().apiKey.findUniqueOrThrow({ where: { id: key.row.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await list();
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id: key.row.id } })).lastUsedAt).toEqual(first);
    // A minute later it moves again.
    await getDb().apiKey.update({ where: { id: key.row.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await list();
    const third = (await getDb().apiKey.findUniqueOrThrow({ where: { id: key.row.id } })).lastUsedAt!;
    expect(Date.now() - third.getTime()).toBeLessThan(5_000);
  });

  it("follows the creator's current role: demoting the creator narrows the key", async () => {
    const { org, owner, members } = await orgWithMembers(["admin"]);
    const admin = members[0]!;
    const key = await createTestApiKey(org.id, admin.user.id, ["audit:read"]);
    const readAudit = () => call(auditRoute, "GET", `/api/v1/orgs/${org.slug}/audit`, { params: { slug: org.slug }, headers: { authorization: key.authorization } });
    expect((await readAudit()).status).toBe(200);
    const demoted = await call(roleRoute, "PATCH", `/api/v1/orgs/${org.slug}/members/${admin.membership.id}`, {
      cookie: owner.cookie,
      params: { slug: org.slug, membershipId: admin.membership.id },
      body: { role: "member" },
    });
    expect(demoted.status).toBe(200);
    expect((await readAudit()).status).toBe(403);
  });

  it("keeps keys within their org: another org cannot list or revoke them", async () => {
    const victim = await orgWithMembers();
    const attacker = await orgWithMembers();
    const key = await createTestApiKey(victim.org.id, victim.owner.user.id, ["members:read"]);
    const revoke = await call(revokeRoute, "DELETE", `${keysPath(attacker.org.slug)}/${key.row.id}`, { cookie: attacker.owner.cookie, params: { slug: attacker.org.slug, keyId: key.row.id } });
    expect(revoke.status).toBe(404);
    const listed = await call(listRoute, "GET", keysPath(attacker.org.slug), { cookie: attacker.owner.cookie, params: { slug: attacker.org.slug } });
    expect(listed.body.items).toEqual([]);
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id: key.row.id } })).revokedAt).toBeNull();
    // The key used on the attacker's URL is not found there, and the attempt is recorded in its own org.
    const crossed = await call(membersRoute, "GET", `/api/v1/orgs/${attacker.org.slug}/members`, { params: { slug: attacker.org.slug }, headers: { authorization: key.authorization } });
    expect(crossed.status).toBe(404);
    expect(await getDb().auditEvent.count({ where: { orgId: attacker.org.id, action: "api_key.use_denied" } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { orgId: victim.org.id, action: "api_key.use_denied" } })).toBe(1);
  });
});
