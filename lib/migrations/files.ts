// Migration files in Prisma's layout: prisma/migrations/<timestamp>_<name>/migration.sql.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type MigrationFile = { name: string; sql: string; checksum: string };

export const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;

export function migrationsDir(): string {
  return path.resolve(process.cwd(), "prisma", "migrations");
}

/** Prisma's checksum: SHA-256 of the migration file, hex-encoded. */
export function checksumOf(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

export function readMigrationFiles(dir = migrationsDir()): MigrationFile[] {
  // Read at run time from the checkout, not traced into the build.
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      if (!MIGRATION_NAME.test(name)) {
        throw new Error(`migration folder "${name}" is not named <14-digit timestamp>_<snake_case_name>`);
      }
      const bytes = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    });
}
