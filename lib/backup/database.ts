// Server mode backups: pg_dump's custom format of the whole database, restored with
// pg_restore. The dump holds ciphertext only; the master keys (BASTION_MASTER_KEYS or
// Vault) and AUTH_SECRET are not in it and must be kept separately.
import "server-only";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { backupFileName } from "./names";

export class BackupError extends Error {
  override name = "BackupError";
}

/** libpq does not know Prisma's extra parameters (schema, connection_limit …); keep what it does. */
function libpqUrl(url: string): string {
  const parsed = new URL(url);
  for (const key of [...parsed.searchParams.keys()]) {
    if (!["sslmode", "sslrootcert", "sslcert", "sslkey", "host", "application_name", "options"].includes(key)) parsed.searchParams.delete(key);
  }
  return parsed.toString();
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new BackupError(`${command} could not run (${(result.error as NodeJS.ErrnoException).code}); install the PostgreSQL client tools matching the server`);
  // stderr of pg_dump/pg_restore names objects, never the password of the URL.
  if (result.status !== 0) throw new BackupError(`${command} failed: ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
}

export async function backupDatabase(databaseUrl: string, directory: string, now = new Date()): Promise<string> {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = path.join(directory, backupFileName("dump", now));
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${libpqUrl(databaseUrl)}`]);
  return file;
}

/** Tables in the public schema (the migration history counts: a migrated database is not empty). */
export async function countTables(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

/** Restores into an empty database; with `force`, drops everything in the public schema first. */
export async function restoreDatabase(databaseUrl: string, file: string, options: { force?: boolean } = {}): Promise<void> {
  const tables = await countTables(databaseUrl);
  if (tables > 0 && !options.force) {
    throw new BackupError(`the database is not empty (${tables} tables); restore into an empty database, or pass --force to replace everything in it`);
  }
  if (tables > 0) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    } finally {
      await client.end();
    }
  }
  run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${libpqUrl(databaseUrl)}`, file]);
}
