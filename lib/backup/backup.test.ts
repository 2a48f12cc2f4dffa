// npm run backup / restore in server mode, against real PostgreSQL: what comes back is
// what was there (orgs, members, secrets that still decrypt through reveal, audit log,
// webhook deliveries), and a non-empty database is only replaced when forced.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it, vi } from "vitest";
import { getDb } from "../db";
import { env } from "../env";
import { createScratchDatabase, type ScratchDatabase } from "../migrations/scratch";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { createTestConnection } from "../testing/integration-fixtures";
import { secretsApi } from "../secrets/test-api";
import { backupDatabase, BackupError, restoreDatabase } from "./database";

async function snapshot(url: string, orgId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql: string) => (await client.query(sql, [orgId])).rows;
    return {
      org: await one(`SELECT id, slug, name FROM "Organization" WHERE id = $1`),
      members: await one(`SELECT "userId", role FROM "Membership" WHERE "orgId" = $1 ORDER BY "userId"`),
      secrets: await one(`SELECT s.key, v.version, v.ciphertext FROM "Secret" s JOIN "SecretVersion" v ON v."secretId" = s.id WHERE s."orgId" = $1 ORDER BY s.key, v.version`),
      audit: await one(`SELECT id, action, "targetId" FROM "AuditEvent" WHERE "orgId" = $1 ORDER BY id`),
      deliveries: await one(`SELECT "deliveryId", status, payload FROM "WebhookDelivery" WHERE "orgId" = $1 ORDER BY "deliveryId"`),
    };
  } finally {
    await client.end();
  }
}

describeWith(["postgres", "redis"], "backup and restore (server mode)", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "bastion-backup-"));
  let target: ScratchDatabase | undefined;
  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    await target?.drop();
  });

  it("backs up, restores into an empty database, refuses a non-empty one unless forced, and secrets still reveal", async () => {
    const { org, owner } = await orgWithMembers(["admin", "member"]);
    const api = secretsApi(org.slug, owner.cookie);
    const { body: secret } = await api.create({ key: "DB_PASSWORD", value: "correct horse" });
    await api.update(secret.id, { value: "battery staple" });
    const connection = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: "whsec" });
    await getDb().webhookDelivery.create({
      data: { orgId: org.id, connectionId: connection.id, provider: "github", deliveryId: "gh-1", eventType: "push", status: "processed", payload: { ref: "refs/heads/main" } },
    });
    const source = env().DATABASE_URL!;
    const before = await snapshot(source, org.id);
    expect(before).toMatchObject({ org: [{ slug: org.slug }], members: { length: 3 }, deliveries: [{ deliveryId: "gh-1" }] });
    expect(before.secrets.filter((row) => row.key === "DB_PASSWORD")).toHaveLength(2); // and the connection's credentials
    expect(before.audit.length).toBeGreaterThanOrEqual(2);

    const file = await backupDatabase(source, directory, new Date("2026-01-02T03:04:05.678Z"));
    expect(path.basename(file)).toBe("bastion-2026-01-02T03-04-05-678Z.dump");
    expect(existsSync(file)).toBe(true);

    // Restoring over the live database is refused: it is not empty.
    await expect(restoreDatabase(source, file)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(source, file)).rejects.toThrow(/not empty.*--force/);

    target = await createScratchDatabase(source.replace(/\/[^/?]+(\?|$)/, "/postgres$1"), "bastion_restore");
    await restoreDatabase(target.connectionString, file);
    expect(await snapshot(target.connectionString, org.id)).toEqual(before);

    // Lost rows (a wipe of one org's data) come back with --force, and nothing is doubled.
    const client = new pg.Client({ connectionString: target.connectionString });
    await client.connect();
    await client.query(`DELETE FROM "Organization" WHERE id = $1`, [org.id]);
    await client.end();
    expect((await snapshot(target.connectionString, org.id)).members).toEqual([]);
    await expect(restoreDatabase(target.connectionString, file)).rejects.toThrow(/not empty/);
    await restoreDatabase(target.connectionString, file, { force: true });
    expect(await snapshot(target.connectionString, org.id)).toEqual(before);

    // Point the app at the restored database (a fresh module graph reads the new URL):
    // the owner's session and the secret's versions work through the reveal route.
    const { disconnectDb } = await import("../db");
    const { clearDataKeyCache } = await import("../secrets/data-keys");
    await disconnectDb();
    clearDataKeyCache();
    vi.resetModules();
    process.env.DATABASE_URL = target.connectionString;
    try {
      const restored = await import("../secrets/test-api");
      const restoredApi = restored.secretsApi(org.slug, owner.cookie);
      expect((await restoredApi.reveal(secret.id)).body).toMatchObject({ value: "battery staple", version: 2 });
      expect((await restoredApi.reveal(secret.id, 1)).body).toMatchObject({ value: "correct horse" });
      const { getDb: restoredDb } = await import("../db");
      expect(await restoredDb().auditEvent.count({ where: { orgId: org.id, action: "secret.revealed" } })).toBe(2);
    } finally {
      const { disconnectDb: disconnectRestored } = await import("../db");
      await disconnectRestored();
      process.env.DATABASE_URL = source;
    }
  });
});
