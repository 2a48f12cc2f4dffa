// npm run keys:rotate as an operator runs it: after a new master key is added, every org's
// data key ends up under it (same plaintext key, so values still decrypt), in batches,
// and a second run has nothing left to do. It runs against a database of its own: it
// rewraps every org's key, which would pull the rug from other test files.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { localProvider, parseMasterKeys } from "../lib/kms/local";
import { applyMigrations } from "../lib/migrations/runner";
import { createScratchDatabase, type ScratchDatabase } from "../lib/migrations/scratch";
import { describeWith, testPostgresAdminUrl } from "../lib/testing/describe";

const root = path.resolve(import.meta.dirname, "..");
const v1 = `v1:${randomBytes(32).toString("base64")}`;
const v2 = `v2:${randomBytes(32).toString("base64")}`;

function rotate(databaseUrl: string, masterKeys: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "keys-rotate.ts"), "--batch-size", "2"], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: databaseUrl, BASTION_ALLOW_NO_REDIS: "1", AUTH_SECRET: "x".repeat(32), BASTION_MASTER_KEYS: masterKeys },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describeWith(["postgres"], "npm run keys:rotate", () => {
  let database: ScratchDatabase;
  let client: pg.Client;
  const dataKeys = new Map<string, Buffer>();

  beforeAll(async () => {
    database = await createScratchDatabase(testPostgresAdminUrl(), "bastion_keys_rotate");
    await applyMigrations(database.connectionString);
    client = new pg.Client({ connectionString: database.connectionString });
    await client.connect();
    const oldKeyring = localProvider(parseMasterKeys(v1));
    for (let index = 0; index < 5; index++) {
      const orgId = `org${index}`;
      const key = randomBytes(32);
      dataKeys.set(orgId, key);
      await client.query(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ($1, $1, $1, now())`, [orgId]);
      await client.query(`INSERT INTO "OrgDataKey" (id, "orgId", version, "wrappedKey", "kmsProvider", "kekVersion") VALUES ($1, $2, 1, $3, 'local', 1)`, [`dk${index}`, orgId, await oldKeyring.wrap(key)]);
    }
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("rewraps every data key under the newest master key, then finds nothing left to do", async () => {
    const first = await rotate(database.connectionString, `${v1},${v2}`);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("batch 3: 5 data keys rewrapped so far");
    expect(first.stdout).toContain("done; 5 data keys now under key-encryption key v2");

    const rows = (await client.query<{ orgId: string; wrappedKey: string; kekVersion: number; rotatedAt: Date | null }>(`SELECT "orgId", "wrappedKey", "kekVersion", "rotatedAt" FROM "OrgDataKey"`)).rows;
    const newKeyring = localProvider(parseMasterKeys(v2)); // v1 retired: v2 alone must open them
    for (const row of rows) {
      expect(row).toMatchObject({ kekVersion: 2, rotatedAt: expect.any(Date) });
      expect((await newKeyring.unwrap(row.wrappedKey)).equals(dataKeys.get(row.orgId)!)).toBe(true);
    }

    const second = await rotate(database.connectionString, `${v1},${v2}`);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("done; 0 data keys now under key-encryption key v2");
  });

  it("refuses with one line when a data key's master key is missing from the keyring", async () => {
    await client.query(`UPDATE "OrgDataKey" SET "kekVersion" = 1, "wrappedKey" = $1 WHERE id = 'dk0'`, [await localProvider(parseMasterKeys(v1)).wrap(randomBytes(32))]);
    const result = await rotate(database.connectionString, `v3:${randomBytes(32).toString("base64")}`);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("bastion: master key v1 is not in the keyring");
  });
});
