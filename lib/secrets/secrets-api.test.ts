// The secrets API as a client uses it: create, list, update, versions, restore, reveal,
// delete and undelete, personal secrets, limits and the permission to reveal.
import { expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { secretsApi } from "./test-api";
import { rowsText } from "../testing/rows-text";

describeWith(["postgres", "redis"], "secrets API", () => {
  it("creates a secret, lists it without its value, and reveals it only through reveal (audited, no value in the audit)", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    const created = await api.create({ key: "DATABASE_URL", value: "postgres://app:pw@db/app", description: "Primary DB", environment: "production" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: "DATABASE_URL", environment: "production", currentVersion: 1, personal: false });
    expect(JSON.stringify(created.body)).not.toContain("pw@db");

    const list = await api.list();
    expect(list.body.items.map((item: { key: string }) => item.key)).toEqual(["DATABASE_URL"]);
    expect(JSON.stringify(list.body)).not.toContain("pw@db");

    const revealed = await api.reveal(created.body.id);
    expect(revealed).toMatchObject({ status: 200, body: { key: "DATABASE_URL", version: 1, value: "postgres://app:pw@db/app" } });
    expect(revealed.headers.get("cache-control")).toBe("no-store");
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "secret.revealed" } });
    expect(audit).toMatchObject({ targetId: created.body.id, metadata: { key: "DATABASE_URL", version: 1 } });
    expect(rowsText(audit)).not.toContain("pw@db");
  });

  it("adds a version on every change, lists versions without values, and restores an old one as a new version", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    const { body: secret } = await api.create({ key: "API_TOKEN", value: "one" });
    expect((await api.update(secret.id, { value: "two" })).body.currentVersion).toBe(2);
    expect((await api.update(secret.id, { description: "rotated monthly" })).body).toMatchObject({ currentVersion: 3, description: "rotated monthly" });
    expect((await api.reveal(secret.id)).body.value).toBe("two");

    const versions = await api.versions(secret.id);
    expect(versions.body.items.map((item: { version: number; current: boolean }) => [item.version, item.current])).toEqual([[3, true], [2, false], [1, false]]);
    expect(JSON.stringify(versions.body)).not.toMatch(/"one"|"two"/);

    const restored = await api.restore(secret.id, 1);
    expect(restored.body.currentVersion).toBe(4);
    expect((await api.reveal(secret.id)).body).toMatchObject({ version: 4, value: "one" });
    expect((await api.reveal(secret.id, 2)).body).toMatchObject({ version: 2, value: "two" });
    expect((await api.restore(secret.id, 99)).status).toBe(404);
  });

  it("refuses duplicate keys per scope, bad keys and values over 64 KiB without echoing the value", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    expect((await api.create({ key: "TOKEN", value: "a" })).status).toBe(201);
    expect((await api.create({ key: "TOKEN", value: "b" })).status).toBe(409);
    // The same key may exist once shared and once personal.
    expect((await api.create({ key: "TOKEN", value: "c", personal: true })).status).toBe(201);
    expect((await api.create({ key: "TOKEN", value: "d", personal: true })).status).toBe(409);
    expect((await api.create({ key: "lower_case", value: "x" })).status).toBe(422);
    const huge = "Z".repeat(64 * 1024 + 1);
    const tooBig = await api.create({ key: "BIG", value: huge });
    expect(tooBig.status).toBe(422);
    expect(JSON.stringify(tooBig.body)).not.toContain("ZZZZ");
    expect((await api.create({ key: "JUST_FITS", value: "Z".repeat(64 * 1024) })).status).toBe(201);
  });

  it("shows personal secrets only to their owner", async () => {
    const { org, owner, members } = await orgWithMembers(["admin"]);
    const mine = await secretsApi(org.slug, owner.cookie).create({ key: "MY_TOKEN", value: "private", personal: true });
    const admin = secretsApi(org.slug, members[0]!.cookie);
    expect((await admin.list()).body.items).toEqual([]);
    expect((await admin.get(mine.body.id)).status).toBe(404);
    expect((await admin.reveal(mine.body.id)).status).toBe(404);
    expect((await admin.update(mine.body.id, { value: "x" })).status).toBe(404);
    expect(await admin.values().then((answer) => answer.body)).toEqual({});
    expect((await secretsApi(org.slug, owner.cookie).values()).body).toEqual({ MY_TOKEN: "private" });
  });

  it("lets a member write but not reveal, fetch values or export", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const { body: secret } = await secretsApi(org.slug, owner.cookie).create({ key: "SHARED", value: "v" });
    const member = secretsApi(org.slug, members[0]!.cookie);
    expect((await member.update(secret.id, { value: "w" })).status).toBe(200);
    expect((await member.reveal(secret.id)).status).toBe(403);
    expect((await member.values()).status).toBe(403);
    expect((await member.exportEnv()).status).toBe(403);
  });

  it("soft-deletes, lists deleted secrets apart, undeletes, and refuses a new secret reusing a deleted key", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    const { body: secret } = await api.create({ key: "OLD", value: "v" });
    expect((await api.remove(secret.id)).body.deletedAt).not.toBeNull();
    expect((await api.list()).body.items).toEqual([]);
    expect((await api.list("?deleted=1")).body.items.map((item: { key: string }) => item.key)).toEqual(["OLD"]);
    expect((await api.reveal(secret.id)).status).toBe(404);
    expect((await api.create({ key: "OLD", value: "again" })).status).toBe(409);
    expect((await api.undelete(secret.id)).body.deletedAt).toBeNull();
    expect((await api.reveal(secret.id)).body.value).toBe("v");
  });

  it("searches by key or description and filters by environment", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    await api.create({ key: "STRIPE_KEY", value: "1", environment: "production" });
    await api.create({ key: "STRIPE_TEST_KEY", value: "2", environment: "staging", description: "sandbox" });
    await api.create({ key: "GITHUB_TOKEN", value: "3", environment: "production" });
    const keys = async (query: string) => (await api.list(query)).body.items.map((item: { key: string }) => item.key);
    expect(await keys("?search=stripe")).toEqual(["STRIPE_KEY", "STRIPE_TEST_KEY"]);
    expect(await keys("?search=Sandbox")).toEqual(["STRIPE_TEST_KEY"]);
    expect(await keys("?environment=production")).toEqual(["GITHUB_TOKEN", "STRIPE_KEY"]);
    expect((await api.values("?environment=production")).body).toEqual({ GITHUB_TOKEN: "3", STRIPE_KEY: "1" });
    expect((await api.list("?environment=Not%20valid")).status).toBe(422);
  });

  it("refuses to decrypt a version row copied onto another secret (AAD binds org, secret and version)", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    const { body: source } = await api.create({ key: "SOURCE", value: "the real one" });
    const { body: target } = await api.create({ key: "TARGET", value: "decoy" });
    const row = await getDb().secretVersion.findFirstOrThrow({ where: { secretId: source.id, version: 1 } });
    await getDb().secretVersion.update({ where: { secretId_version: { secretId: target.id, version: 1 } }, data: { ciphertext: row.ciphertext, nonce: row.nonce } });
    const answer = await api.reveal(target.id);
    // The stored state is wrong, not the request: 409 naming the secret (lib/secrets/undecryptable.test.ts).
    expect(answer.status).toBe(409);
    expect(JSON.stringify(answer.body)).not.toContain("the real one");
  });
});
