// Single-process mode's database: PGlite (PostgreSQL compiled to WebAssembly) with its
// files under the data directory, served on a private Unix socket so that the rest of
// Bastion talks to it through the same `pg` driver as in server mode.
//
// PGlite runs one transaction at a time across all connections, so the application
// uses a pool of exactly one connection in this mode (see lib/db.ts).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type EmbeddedPostgres = {
  connectionString: string;
  dataDir: string;
  stop(): Promise<void>;
};

const SOCKET_PORT = 5432;

/** Refuses to open a data directory another live process holds: PGlite has no lock of its own. */
export function acquireLock(dir: string): () => void {
  const lockFile = path.join(dir, "bastion.pid");
  try {
    const holder = Number(readFileSync(lockFile, "utf8").trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`data directory ${dir} is in use by another Bastion process (pid ${holder})`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const releaseLock = acquireLock(dataDir);

  // Imported lazily so server mode never loads the WebAssembly build.
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");

  const pgDir = path.join(dataDir, "pglite");
  const db = await PGlite.create(pgDir);

  // A short socket path: Unix socket paths are limited to ~107 bytes, and a private
  // 0700 directory keeps other local users out (PGlite has no authentication).
  const socketDir = mkdtempSync(path.join(tmpdir(), "bastion-pg-"));
  const server = new PGLiteSocketServer({
    db,
    path: path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    maxConnections: 8,
  });
  await server.start();

  const connectionString = `postgresql://postgres@localhost:${SOCKET_PORT}/postgres?host=${encodeURIComponent(socketDir)}`;

  let stopped = false;
  return {
    connectionString,
    dataDir: pgDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
      releaseLock();
    },
  };
}
