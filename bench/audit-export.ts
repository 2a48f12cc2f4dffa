// npm run bench:audit-export: streams a 1,000,000-event audit log through the export
// (CSV and JSON Lines) and prints events/s and memory, beside a baseline that only
// reads the same rows in the same batches with no formatting, in the same run.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { applyMigrations } from "../lib/migrations/runner";
import { createScratchDatabase } from "../lib/migrations/scratch";
import { testServiceUrls } from "../lib/testing/services";

const EVENTS = Number(process.argv[2] ?? 1_000_000);

async function main() {
  const database = await createScratchDatabase(testServiceUrls.postgres, "bastion_bench_audit");
  process.env.DATABASE_URL = database.connectionString;
  process.env.BASTION_ALLOW_NO_REDIS = "1";
  process.env.AUTH_SECRET = "bench-secret-0123456789abcdef0123456789";
  try {
    await applyMigrations(database.connectionString);
    const client = new pg.Client({ connectionString: database.connectionString });
    await client.connect();
    await client.query(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ('org', 'Bench', 'bench', now())`);
    // Seeded with the chain trigger off (a superuser's replica role): the export reads no
    // chain column, and chaining a million rows in one statement takes minutes.
    await client.query("SET session_replication_role = replica");
    await client.query(`INSERT INTO "AuditEvent" (id, "orgId", "actorId", action, "targetType", "targetId", metadata, "createdAt")
      SELECT 'e' || g, 'org', 'u' || (g % 500), 'member.role_changed', 'user', 'u' || g, jsonb_build_object('from', 'member', 'to', 'admin'),
             now() - (g || ' seconds')::interval FROM generate_series(1, ${EVENTS}) g`);
    await client.query("SET session_replication_role = DEFAULT");
    await client.query("ANALYZE");

    // Baseline: the same keyset batches, rows only.
    let started = performance.now();
    let read = 0;
    let cursor: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const result: pg.QueryResult<{ id: string; createdAt: Date }> = cursor
        ? await client.query(`SELECT * FROM "AuditEvent" WHERE "orgId" = 'org' AND ("createdAt", id) < ($1, $2) ORDER BY "createdAt" DESC, id DESC LIMIT 2000`, [cursor.createdAt, cursor.id])
        : await client.query(`SELECT * FROM "AuditEvent" WHERE "orgId" = 'org' ORDER BY "createdAt" DESC, id DESC LIMIT 2000`);
      read += result.rows.length;
      const last = result.rows.at(-1);
      if (result.rows.length < 2000 || !last) break;
      cursor = { createdAt: last.createdAt, id: last.id };
    }
    const baselineSeconds = (performance.now() - started) / 1000;
    await client.end();

    const { exportAuditEvents } = await import("../lib/audit/export");
    const figures: string[] = [`baseline (raw keyset read): ${read} rows in ${baselineSeconds.toFixed(1)} s = ${Math.round(read / baselineSeconds)} rows/s`];
    for (const format of ["csv", "jsonl"] as const) {
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      let bytes = 0;
      let lines = 0;
      started = performance.now();
      const reader = exportAuditEvents("org", {}, format).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      const seconds = (performance.now() - started) / 1000;
      const rows = format === "csv" ? lines - 1 : lines;
      figures.push(
        `${format}: ${rows} events, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} events/s ` +
          `(${(baselineSeconds / seconds).toFixed(2)}× baseline speed); RSS grew at most ${((peak - rssBefore) / 1e6).toFixed(0)} MB`,
      );
    }
    console.log(`\naudit export of ${EVENTS} events:\n  ${figures.join("\n  ")}`);
  } finally {
    const { disconnectDb } = await import("../lib/db");
    await disconnectDb();
    await database.drop();
  }
}

void main();
