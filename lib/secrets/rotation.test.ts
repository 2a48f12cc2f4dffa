// Key rotation: an org's data key (values re-encrypted by a job) and the KEK rewrap of
// `npm run keys:rotate`; and the purge of secrets deleted more than 30 days ago.
import { expect, it } from "vitest";
import { getDb } from "../db";
import { taskNamed } from "../jobs/tasks";
import { kms } from "../kms";
import { localProvider, parseMasterKeys } from "../kms/local";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { clearDataKeyCache } from "./data-keys";
import { rewrapDataKeys } from "./rotation";
import "./tasks";
import { secretsApi } from "./test-api";

const jobContext = () => ({ db: getDb(), jobId: "test", attempt: 1, signal: new AbortController().signal });

describeWith(["postgres", "redis"], "secrets key rotation", () => {
  it("rotates an org's data key: new writes use it at once, a job re-encrypts older values, every value still reveals", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const api = secretsApi(org.slug, owner.cookie);
    const { body: a } = await api.create({ key: "A", value: "alpha" });
    await api.update(a.id, { value: "alpha-2" });
    const { body: b } = await api.create({ key: "B", value: "beta" });

    expect((await secretsApi(org.slug, members[0]!.cookie).rotateDataKey()).status).toBe(403);
    const rotated = await api.rotateDataKey();
    expect(rotated).toMatchObject({ status: 202, body: { dataKeyVersion: 2 } });
    const job = await getDb().job.findFirstOrThrow({ where: { task: "secrets.reencrypt", payload: { equals: { orgId: org.id } } } });
    expect(job.status).toBe("pending");
    await api.update(b.id, { value: "beta-2" });
    expect(await getDb().secretVersion.findFirstOrThrow({ where: { secretId: b.id, version: 2 } })).toMatchObject({ dataKeyVersion: 2 });

    await taskNamed("secrets.reencrypt")!.run({ orgId: org.id }, jobContext());
    expect(await getDb().secretVersion.count({ where: { orgId: org.id, dataKeyVersion: { lt: 2 } } })).toBe(0);
    clearDataKeyCache();
    expect((await api.reveal(a.id, 1)).body.value).toBe("alpha");
    expect((await api.reveal(a.id)).body.value).toBe("alpha-2");
    expect((await api.reveal(b.id, 1)).body.value).toBe("beta");
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "secret.data_key_rotated" } })).toBe(1);
  });

  it("rewraps data keys under an older master key with the newest, resumably, without changing any value", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    const { body: secret } = await api.create({ key: "KEEP", value: "unchanged" });
    // Put the org's data key under master key v1, as if it had been created before v2 existed.
    const row = await getDb().orgDataKey.findFirstOrThrow({ where: { orgId: org.id } });
    const v1Only = localProvider(parseMasterKeys(`v1:${Buffer.alloc(32, 1).toString("base64")}`));
    const plaintext = await kms().unwrap(row.wrappedKey);
    await getDb().orgDataKey.update({ where: { id: row.id }, data: { wrappedKey: await v1Only.wrap(plaintext), kekVersion: 1 } });
    clearDataKeyCache();
    expect((await api.reveal(secret.id)).body.value).toBe("unchanged");

    const batches: number[] = [];
    const first = await rewrapDataKeys(getDb(), { batchSize: 1, onBatch: (progress) => batches.push(progress.rewrapped) });
    expect(first.kekVersion).toBe(2);
    expect(first.rewrapped).toBeGreaterThanOrEqual(1);
    const after = await getDb().orgDataKey.findFirstOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ kekVersion: 2 });
    expect(after.wrappedKey.startsWith("local:v2:")).toBe(true);
    expect(after.rotatedAt).not.toBeNull();
    // Running it again finds nothing left to do.
    expect((await rewrapDataKeys(getDb())).rewrapped).toBe(0);
    clearDataKeyCache();
    expect((await api.reveal(secret.id)).body.value).toBe("unchanged");
  });

  it("purges secrets deleted more than 30 days ago, keeping recoverable ones", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    const { body: old } = await api.create({ key: "OLD", value: "1" });
    const { body: recent } = await api.create({ key: "RECENT", value: "2" });
    const day = 24 * 60 * 60 * 1000;
    await getDb().secret.update({ where: { id: old.id }, data: { deletedAt: new Date(Date.now() - 31 * day) } });
    await getDb().secret.update({ where: { id: recent.id }, data: { deletedAt: new Date(Date.now() - 29 * day) } });
    await taskNamed("secrets.purge")!.run({}, jobContext());
    expect(await getDb().secret.findMany({ where: { orgId: org.id }, select: { key: true } })).toEqual([{ key: "RECENT" }]);
    expect(await getDb().secretVersion.count({ where: { secretId: old.id } })).toBe(0);
  });
});
