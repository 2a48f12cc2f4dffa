// Describes a PostgreSQL schema from its catalog as comparable facts (tables, columns
// with types, nullability and defaults, constraints including primary, unique and
// foreign keys with their actions, indexes, enums), so two databases can be compared.
import type pg from "pg";

export type SchemaFacts = Map<string, string>;

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

export async function describeSchema(client: pg.ClientBase): Promise<SchemaFacts> {
  const facts: SchemaFacts = new Map();

  const enums = await client.query<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = current_schema()::regnamespace
    GROUP BY t.typname`);
  for (const row of enums.rows) facts.set(`enum ${row.name}`, row.labels.join(", "));

  const columns = await client.query<{ table: string; column: string; type: string; not_null: boolean; default: string | null }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
      AND a.attnum > 0 AND NOT a.attisdropped`);
  for (const row of columns.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    facts.set(`table "${row.table}"`, "exists");
    const nullability = row.not_null ? "NOT NULL" : "NULL";
    const fallback = row.default === null ? "" : ` DEFAULT ${row.default}`;
    facts.set(`column "${row.table}"."${row.column}"`, `${row.type} ${nullability}${fallback}`);
  }

  const constraints = await client.query<{ table: string; name: string; definition: string }>(`
    SELECT c.relname AS table, con.conname AS name, pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    WHERE con.connamespace = current_schema()::regnamespace`);
  for (const row of constraints.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    facts.set(`constraint "${row.table}"."${row.name}"`, row.definition);
  }

  const indexes = await client.query<{ table: string; name: string; definition: string }>(`
    SELECT tablename AS table, indexname AS name, indexdef AS definition
    FROM pg_indexes WHERE schemaname = current_schema()`);
  for (const row of indexes.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    facts.set(`index "${row.table}"."${row.name}"`, row.definition);
  }

  return facts;
}

/** Human-readable differences between what the migrations built and what the schema wants. */
export function compareSchemas(migrated: SchemaFacts, expected: SchemaFacts): string[] {
  const keys = [...new Set([...migrated.keys(), ...expected.keys()])].sort();
  const differences: string[] = [];
  for (const key of keys) {
    const have = migrated.get(key);
    const want = expected.get(key);
    if (have === want) continue;
    if (have === undefined) differences.push(`${key}: in schema.prisma (${want}) but no migration creates it`);
    else if (want === undefined) differences.push(`${key}: created by the migrations (${have}) but not in schema.prisma`);
    else differences.push(`${key}: migrations give ${have}; schema.prisma wants ${want}`);
  }
  return differences;
}
