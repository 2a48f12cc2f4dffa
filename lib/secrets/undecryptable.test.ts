// A version row that does not decrypt where it is (copied from another secret): reveal,
// update and restore answer 409 naming the secret; values and export skip it and say so,
// instead of failing for the whole org.
import { expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { secretsApi } from "./test-api";

async function orgWithCopiedRow() {
  const { org, owner } = await orgWithMembers();
  const api = secretsApi(org.slug, owner.cookie);
  const { body: source } = await api.create({ key: "SOURCE", value: "the real one" });
  const { body: target } = await api.create({ key: "TARGET", value: "decoy" });
  await api.create({ key: "FINE", value: "still served" });
  const row = await getDb().secretVersion.findFirstOrThrow({ where: { secretId: source.id, version: 1 } });
  await getDb().secretVersion.update({ where: { secretId_version: { secretId: target.id, version: 1 } }, data: { ciphertext: row.ciphertext, nonce: row.nonce } });
  return { org, api, target };
}

describeWith(["postgres", "redis"], "a secret version that does not decrypt", () => {
  it("answers 409 on reveal, update and restore, naming the secret and never a value", async () => {
    const { api, target } = await orgWithCopiedRow();
    const reveal = await api.reveal(target.id);
    expect(reveal.status).toBe(409);
    expect(reveal.body.error).toMatchObject({ code: "conflict", details: { reason: "undecryptable", secretId: target.id, key: "TARGET", version: 1 } });
    expect(reveal.body.error.message).toContain("TARGET");
    // Changing only the description carries the current value forward: it cannot.
    expect((await api.update(target.id, { description: "x" })).status).toBe(409);
    expect((await api.restore(target.id, 1)).status).toBe(409);
    // Setting a new value repairs it.
    expect((await api.update(target.id, { value: "repaired" })).status).toBe(200);
    expect((await api.reveal(target.id)).body.value).toBe("repaired");
    for (const answer of [reveal]) expect(JSON.stringify(answer.body)).not.toMatch(/the real one|decoy/);
  });

  it("leaves it out of values and export, names it in X-Bastion-Skipped, and audits what was served", async () => {
    const { org, api } = await orgWithCopiedRow();
    const values = await api.values();
    expect({ status: values.status, body: values.body, skipped: values.headers.get("x-bastion-skipped") }).toEqual({
      status: 200,
      body: { FINE: "still served", SOURCE: "the real one" },
      skipped: "TARGET",
    });
    const exported = await api.exportEnv();
    expect(exported.status).toBe(200);
    expect(exported.headers.get("x-bastion-skipped")).toBe("TARGET");
    const content = await exported.text();
    expect(content).toContain("# skipped, stored value does not decrypt: TARGET\n");
    expect(content).toContain("FINE=");
    expect(content).not.toMatch(/^TARGET=/m);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "secret.exported" } });
    expect(audit.metadata).toMatchObject({ count: 2, skipped: [{ version: 1 }] });
  });
});
