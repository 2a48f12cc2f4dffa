import { createHash } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import pg from "pg";
import { describeWith, testPostgresAdminUrl } from "../testing/describe";
import { checksumOf, readMigrationFiles, type MigrationFile } from "./files";
import { applyMigrations, migrationStatus } from "./runner";
import { createScratchDatabase, type ScratchDatabase } from "./scratch";

function migration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: checksumOf(sql) };
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describeWith(["postgres"], "migration runner", () => {
  let scratch: ScratchDatabase;
  beforeEach(async () => {
    scratch = await createScratchDatabase(testPostgresAdminUrl(), "bastion_test_runner");
  });
  afterEach(async () => {
    await scratch.drop();
  });

  it("applies the repository's migrations and records them as Prisma does", async () => {
    const files = readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(await applyMigrations(scratch.connectionString)).toEqual(files.map((file) => file.name));

    const columns = await query<{ column_name: string; data_type: string }>(
      scratch.connectionString,
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => column.column_name)).toEqual([
      "id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count",
    ]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      scratch.connectionString,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows).toHaveLength(files.length);
    for (const [index, file] of files.entries()) {
      expect(rows[index]?.migration_name).toBe(file.name);
      // Prisma's checksum is the hex SHA-256 of the file's bytes.
      expect(rows[index]?.checksum).toBe(createHash("sha256").update(file.sql).digest("hex"));
      expect(rows[index]?.finished_at).toBeInstanceOf(Date);
      expect(rows[index]?.applied_steps_count).toBe(1);
    }
  });

  it("applies only what is pending, in order", async () => {
    const first = migration("20260101000000_first", `CREATE TABLE "A" (id int primary key);`);
    const second = migration("20260102000000_second", `ALTER TABLE "A" ADD COLUMN name text;`);
    expect(await applyMigrations(scratch.connectionString, [first])).toEqual([first.name]);
    expect(await applyMigrations(scratch.connectionString, [first, second])).toEqual([second.name]);
    expect(await applyMigrations(scratch.connectionString, [first, second])).toEqual([]);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    const original = migration("20260101000000_first", `CREATE TABLE "A" (id int primary key);`);
    await applyMigrations(scratch.connectionString, [original]);
    const edited = migration(original.name, `CREATE TABLE "A" (id bigint primary key);`);
    const next = migration("20260102000000_second", `CREATE TABLE "B" (id int primary key);`);
    await expect(applyMigrations(scratch.connectionString, [edited, next])).rejects.toThrow(
      /applied migration\(s\) changed since they ran: 20260101000000_first/,
    );
    const tables = await query<{ table_name: string }>(
      scratch.connectionString,
      `SELECT table_name FROM information_schema.tables WHERE table_name = 'B'`,
    );
    expect(tables).toEqual([]);
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const good = migration("20260101000000_good", `CREATE TABLE "A" (id int primary key);`);
    const bad = migration("20260102000000_bad", `CREATE TABLE "B" (id int primary key); SELECT * FROM "missing_table";`);
    await expect(applyMigrations(scratch.connectionString, [good, bad])).rejects.toThrow(/20260102000000_bad failed and was rolled back/);
    const client = new pg.Client({ connectionString: scratch.connectionString });
    await client.connect();
    try {
      const status = await migrationStatus(client, [good, bad]);
      expect(status).toEqual({ applied: [good.name], pending: [bad.name], modified: [], failed: [] });
      expect((await client.query(`SELECT to_regclass('"B"') AS b`)).rows[0].b).toBeNull();
    } finally {
      await client.end();
    }
  });

  it("refuses to continue after a migration Prisma's engine left unfinished", async () => {
    const first = migration("20260101000000_first", `CREATE TABLE "A" (id int primary key);`);
    await applyMigrations(scratch.connectionString, [first]);
    await query(scratch.connectionString, `UPDATE "_prisma_migrations" SET finished_at = NULL`);
    await expect(applyMigrations(scratch.connectionString, [first])).rejects.toThrow(/started but never finished/);
  });

  it("lets concurrent runners apply each migration exactly once", async () => {
    const files = readMigrationFiles();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(scratch.connectionString, files)));
    expect(results.flat().sort()).toEqual(files.map((file) => file.name).sort());
    const rows = await query<{ count: string }>(scratch.connectionString, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(rows[0]?.count)).toBe(files.length);
  });
});
