// For the processing test files: a database of their own, migrated, that getDb(), the
// route handlers and an in-process worker loop all use (lib/env and lib/db reloaded with
// DATABASE_URL pointing at it), and the provider stand-ins Bastion's environment points
// at. A worker loop claims every due job of its database; on its own database it takes
// only this file's jobs, and other files' deliveries stay untouched.
// Import everything that reads the environment or the database dynamically after
// `startIsolated()`: modules loaded before it keep the run's shared database.
import { applyMigrations } from "../../migrations/runner";
import { createScratchDatabase, type ScratchDatabase } from "../../migrations/scratch";
import { testPostgresAdminUrl } from "../../testing/describe";
import { startStandInsForClients, stopStandIns } from "../../testing/provider-calls";
import type { ProviderStandIns } from "../../testing/provider-stand-ins";

export type Isolated = { database: ScratchDatabase; standIns: ProviderStandIns; stop(): Promise<void> };

export async function startIsolated(prefix: string, extraEnv: Record<string, string> = {}): Promise<Isolated> {
  const database = await createScratchDatabase(testPostgresAdminUrl(), prefix);
  await applyMigrations(database.connectionString);
  const standIns = await startStandInsForClients({}, { DATABASE_URL: database.connectionString, ...extraEnv });
  // A connection pool made before the switch would still point at the shared database.
  await (await import("../../db")).disconnectDb();
  return {
    database,
    standIns,
    async stop() {
      await (await import("../../db")).disconnectDb();
      await stopStandIns(standIns);
      await database.drop();
    },
  };
}

export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
