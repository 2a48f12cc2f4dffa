// npm run db:migration:new -- <name> [--from <git-rev>]
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL Prisma's engine
// generates for the change from schema.prisma at <git-rev> (default HEAD) to the working
// copy, then runs the drift check. Review the SQL before committing it.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "../lib/env";
import { findDrift } from "../lib/migrations/drift";
import { migrationsDir, readMigrationFiles } from "../lib/migrations/files";
import { diffSchemas, schemaPath } from "../lib/migrations/schema-engine";
import { createScratchDatabase } from "../lib/migrations/scratch";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { from: { type: "string", default: "HEAD" } } });
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <snake_case_name> [--from <git-rev>]");
  process.exit(2);
}

function schemaAt(rev: string): string | null {
  if (readMigrationFiles().length === 0) return null;
  try {
    return execFileSync("git", ["show", `${rev}:prisma/schema.prisma`], { encoding: "utf8" });
  } catch {
    console.error(`cannot read prisma/schema.prisma at ${rev}`);
    process.exit(2);
  }
}

const serverUrl = env().DATABASE_URL;
const scratch = await createScratchDatabase(serverUrl);
let sql: string;
try {
  sql = await diffSchemas(scratch.connectionString, schemaAt(values.from!), readFileSync(schemaPath(), "utf8"));
} finally {
  await scratch.drop();
}
if (!sql) {
  console.log(`schema.prisma has no changes against ${values.from}; nothing to write`);
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir(), `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);

const drift = await findDrift(serverUrl);
if (drift.length > 0) {
  console.error(`the migrations still differ from schema.prisma:\n  ${drift.join("\n  ")}`);
  process.exit(1);
}
console.log("drift check: the migrations build exactly what schema.prisma describes");
// Keep the generated client in step with the schema.
execFileSync(process.execPath, [path.join(import.meta.dirname, "prisma-generate.mjs")], { stdio: "inherit" });
