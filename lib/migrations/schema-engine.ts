// Prisma's schema engine, compiled to WebAssembly. It works offline (the native engine
// would be downloaded) and writes Prisma's own SQL for a schema change. Its live-database
// introspection fails through the pg adapter ("Column type 'char' could not be
// deserialized"), so comparing a database with the schema is done in catalog.ts instead.
// Tooling and tests only: never loaded by the server.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

type Engine = {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

type EngineModule = { SchemaEngine: { new: (options: object, log: (line: string) => void, adapter: object) => Promise<Engine> } };

let engineModule: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const runtime = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime;
}

export function schemaPath(): string {
  return path.resolve(process.cwd(), "prisma", "schema.prisma");
}

export function schemaFiles(schema = readFileSync(schemaPath(), "utf8")) {
  return [{ path: schemaPath(), content: schema }];
}

/**
 * The SQL Prisma Migrate would write to take the `from` schema to the `to` schema
 * (`null` = an empty database); "" when they agree. The engine connects to
 * `connectionString` (any PostgreSQL) only to learn the server version; it changes nothing.
 */
export async function diffSchemas(connectionString: string, from: string | null, to: string): Promise<string> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString, max: 1 }));
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath(), to]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: schemaFiles(from) },
      to: { tag: "schemaDatamodel", files: schemaFiles(to) },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return stripNoise(result.stdout ?? "");
  } finally {
    engine.free();
  }
}

/** Drops the no-op statements Prisma prints for an empty diff or the always-present schema. */
function stripNoise(sql: string): string {
  return sql
    .replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n*/g, "")
    .replace(/^-- This is an empty migration\.\s*$/m, "")
    .trim();
}
