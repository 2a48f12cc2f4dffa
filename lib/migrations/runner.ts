// Applies SQL migrations and records them in `_prisma_migrations` exactly as Prisma
// does (same table, columns and checksum), so `prisma migrate status/deploy` agree
// wherever Prisma's engine is available. Each migration runs in its own transaction:
// a failure leaves neither half a schema nor a "failed" row behind.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { readMigrationFiles, type MigrationFile } from "./files";

// The advisory lock key Prisma Migrate uses, so our runner and Prisma's never overlap.
const PRISMA_MIGRATE_LOCK = 72707369;

const HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export type MigrationStatus = {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since: the database and the repo disagree. */
  modified: string[];
  /** Started but never finished (a run of Prisma's own engine that failed). */
  failed: string[];
};

async function historyRows(client: pg.ClientBase): Promise<AppliedRow[] | null> {
  const exists = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
  );
  if (!exists.rows[0]?.exists) return null;
  const result = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return result.rows;
}

export function compareHistory(files: MigrationFile[], rows: AppliedRow[] | null): MigrationStatus {
  const live = (rows ?? []).filter((row) => row.rolled_back_at === null);
  const finished = new Map(live.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const failed = live.filter((row) => row.finished_at === null).map((row) => row.migration_name);
  return {
    applied: files.filter((file) => finished.has(file.name)).map((file) => file.name),
    pending: files.filter((file) => !finished.has(file.name)).map((file) => file.name),
    modified: files
      .filter((file) => finished.has(file.name) && finished.get(file.name)?.checksum !== file.checksum)
      .map((file) => file.name),
    failed,
  };
}

export async function migrationStatus(client: pg.ClientBase, files = readMigrationFiles()): Promise<MigrationStatus> {
  return compareHistory(files, await historyRows(client));
}

function assertRunnable(status: MigrationStatus): void {
  if (status.modified.length > 0) {
    throw new MigrationError(
      `applied migration(s) changed since they ran: ${status.modified.join(", ")}. ` +
        "Never edit an applied migration; restore the file and add a new migration instead.",
    );
  }
  if (status.failed.length > 0) {
    throw new MigrationError(
      `migration(s) started but never finished: ${status.failed.join(", ")}. ` +
        "Repair the database by hand, then mark the row rolled back (rolled_back_at) to retry.",
    );
  }
}

/** Applies every pending migration in order; returns the names it applied. */
export async function applyMigrations(connectionString: string, files = readMigrationFiles()): Promise<string[]> {
  const client = new pg.Client({ connectionString, application_name: "bastion-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(HISTORY_TABLE);
    const status = await migrationStatus(client, files);
    assertRunnable(status);

    const appliedNow: string[] = [];
    for (const file of files.filter((candidate) => status.pending.includes(candidate.name))) {
      await applyOne(client, file);
      appliedNow.push(file.name);
    }
    return appliedNow;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    await client.query(file.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationError(`migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
  }
}
