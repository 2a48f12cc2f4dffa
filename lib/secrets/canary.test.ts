// A canary value goes in through the API and is then searched for everywhere it must
// not be: every table of the database (as plain text, and hex/base64 forms), the
// captured server logs, and every API response except the reveal itself.
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { getDb } from "../db";
import { captureLogs } from "../testing/capture-logs";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { answers, secretsApi } from "./test-api";

describeWith(["postgres", "redis"], "secret canary", () => {
  it("finds the canary value nowhere but in the reveal", async () => {
    const logs = captureLogs();
    const canary = `CANARY-${randomBytes(16).toString("hex")}`;
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);

    const { body: secret } = await api.create({ key: "CANARY", value: canary, description: "canary test" });
    await api.create({ key: "CANARY", value: canary }); // a refused duplicate
    await api.create({ key: "bad key", value: canary }); // a refused key
    await api.create({ key: "TOO_BIG", value: canary + "x".repeat(70 * 1024) }); // a refused size
    await api.update(secret.id, { value: `${canary}-2` });
    await api.update(secret.id, { description: "carried forward" });
    await api.restore(secret.id, 1);
    await api.list();
    await api.list("?search=CANARY");
    await api.get(secret.id);
    await api.versions(secret.id);
    await api.preview({ content: `CANARY=${canary}\nOTHER=${canary}\n` });
    await api.importEnv({ content: `IMPORTED=${canary}\n` });
    await api.rotateDataKey();
    await api.remove(secret.id);
    await api.undelete(secret.id);

    // The reveal does return it: the search below is looking for something real.
    expect((await api.reveal(secret.id)).body.value).toBe(canary);

    const forms = [canary, Buffer.from(canary).toString("hex"), Buffer.from(canary).toString("base64")];
    const tables = await getDb().$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    expect(tables.map((table) => table.tablename)).toEqual(expect.arrayContaining(["Secret", "SecretVersion", "OrgDataKey", "AuditEvent", "Job"]));
    for (const { tablename } of tables) {
      const rows = await getDb().$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${tablename.replace(/"/g, '""')}" t`);
      const dump = rows.map((row) => row.row).join("\n");
      for (const form of forms) expect({ table: tablename, found: dump.includes(form) }).toEqual({ table: tablename, found: false });
    }

    const logText = logs.text();
    expect(logText.length).toBeGreaterThan(0);
    for (const form of forms) expect(logText.includes(form)).toBe(false);

    expect(answers.length).toBeGreaterThanOrEqual(15);
    for (const { path, answer } of answers) {
      expect({ path, found: JSON.stringify(answer.body).includes(canary) || path.includes(canary) }).toEqual({ path, found: false });
    }
  });
});
