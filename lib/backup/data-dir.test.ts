// npm run backup / restore in single-process mode: a snapshot of the data directory
// (PGlite files and the generated master key), refused while Bastion holds it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { backupDataDir, restoreDataDir } from "./data-dir";

async function query(connectionString: string, sql: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), "bastion-data-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("snapshots a stopped data directory, refuses one in use, and restores it only into an empty one unless forced", { timeout: 120_000 }, async () => {
  const dataDir = path.join(scratch, "data");
  const backups = path.join(scratch, "backups");
  const running = await startEmbeddedPostgres(dataDir);
  writeFileSync(path.join(dataDir, "master-keys"), "v1:generated-key\n");
  try {
    await query(running.connectionString, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the backup')");
  } finally {
    await running.stop();
  }
  // Another live process (here: vitest's parent) holding the directory, as `npm start` does.
  writeFileSync(path.join(dataDir, "bastion.pid"), String(process.ppid));
  expect(() => backupDataDir(dataDir, backups)).toThrow(/in use by another Bastion process.*stop it first/);
  expect(() => restoreDataDir(dataDir, path.join(scratch, "none.tar.gz"))).toThrow(/does not exist/);
  rmSync(path.join(dataDir, "bastion.pid"));

  const file = backupDataDir(dataDir, backups, new Date("2026-01-02T03:04:05.678Z"));
  expect(path.basename(file)).toBe("bastion-2026-01-02T03-04-05-678Z.tar.gz");

  rmSync(dataDir, { recursive: true, force: true });
  restoreDataDir(dataDir, file);
  expect(readFileSync(path.join(dataDir, "master-keys"), "utf8")).toBe("v1:generated-key\n");
  expect(() => restoreDataDir(dataDir, file)).toThrow(/not empty.*--force/);

  const restarted = await startEmbeddedPostgres(dataDir);
  try {
    expect(await query(restarted.connectionString, "SELECT value FROM kept")).toEqual([{ value: "before the backup" }]);
    await query(restarted.connectionString, "INSERT INTO kept VALUES ('after the backup')");
  } finally {
    await restarted.stop();
  }
  restoreDataDir(dataDir, file, { force: true });
  const again = await startEmbeddedPostgres(dataDir);
  try {
    expect(await query(again.connectionString, "SELECT value FROM kept")).toEqual([{ value: "before the backup" }]);
  } finally {
    await again.stop();
  }
});
