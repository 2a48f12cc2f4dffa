// Throwaway databases for tooling and tests: a fresh database on a PostgreSQL server
// when one is given, otherwise an in-memory PGlite served on a private socket.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type ScratchDatabase = { connectionString: string; drop(): Promise<void> };

/** A connection string for `database` on the same server as `serverUrl`. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createScratchDatabase(serverUrl?: string, prefix = "bastion_scratch"): Promise<ScratchDatabase> {
  if (!serverUrl) return createPgliteScratch();
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    connectionString: withDatabase(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function createPgliteScratch(): Promise<ScratchDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create();
  const socketDir = mkdtempSync(path.join(tmpdir(), "bastion-scratch-"));
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 4 });
  await server.start();
  return {
    connectionString: `postgresql://postgres@localhost:5432/postgres?host=${encodeURIComponent(socketDir)}`,
    async drop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
