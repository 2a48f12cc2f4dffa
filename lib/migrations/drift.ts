// Drift check: do the migrations build exactly the database schema.prisma describes?
// Builds two scratch databases, one from the migrations and one from the SQL Prisma's
// engine writes for schema.prisma, and compares their catalogs.
import { readFileSync } from "node:fs";
import pg from "pg";
import { compareSchemas, describeSchema, type SchemaFacts } from "./catalog";
import { readMigrationFiles } from "./files";
import { applyMigrations } from "./runner";
import { diffSchemas, schemaPath } from "./schema-engine";
import { createScratchDatabase } from "./scratch";

async function factsOf(connectionString: string): Promise<SchemaFacts> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await describeSchema(client);
  } finally {
    await client.end();
  }
}

/** Differences between the migrated database and `schema` (default: prisma/schema.prisma); [] means none. */
export async function findDrift(
  serverUrl?: string,
  schema = readFileSync(schemaPath(), "utf8"),
  migrations = readMigrationFiles(),
): Promise<string[]> {
  const migrated = await createScratchDatabase(serverUrl, "bastion_drift_migrated");
  const expected = await createScratchDatabase(serverUrl, "bastion_drift_expected");
  try {
    await applyMigrations(migrated.connectionString, migrations);
    const ddl = await diffSchemas(expected.connectionString, null, schema);
    const client = new pg.Client({ connectionString: expected.connectionString });
    await client.connect();
    try {
      await client.query(ddl);
    } finally {
      await client.end();
    }
    return compareSchemas(await factsOf(migrated.connectionString), await factsOf(expected.connectionString));
  } finally {
    await migrated.drop();
    await expected.drop();
  }
}
