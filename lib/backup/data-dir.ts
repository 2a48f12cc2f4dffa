// Single-process mode backups: a tar.gz of the data directory (the PGlite files and the
// generated master key). PGlite must not be written during the copy, so the copy takes
// the directory's lock: it refuses while Bastion runs on it, and Bastion refuses to
// start on it until the copy is done.
import "server-only";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { acquireLock } from "../embedded-postgres";
import { BackupError } from "./database";
import { backupFileName } from "./names";

function withLock<T>(dataDir: string, work: () => T): T {
  let release: () => void;
  try {
    release = acquireLock(dataDir);
  } catch (error) {
    throw new BackupError(`${(error as Error).message}; stop it first (npm start holds the data directory while it runs)`);
  }
  try {
    return work();
  } finally {
    release();
  }
}

function tar(args: string[]): void {
  const result = spawnSync("tar", args, { encoding: "utf8" });
  if (result.status !== 0) throw new BackupError(`tar failed: ${(result.stderr || String(result.error)).trim()}`);
}

export function backupDataDir(dataDir: string, directory: string, now = new Date()): string {
  if (!existsSync(path.join(dataDir, "pglite"))) throw new BackupError(`no Bastion database in ${dataDir}`);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = path.resolve(directory, backupFileName("tar.gz", now));
  // The lock file itself is left out: a restored directory must not look held.
  return withLock(dataDir, () => {
    tar(["-czf", file, "-C", dataDir, "--exclude=./bastion.pid", "."]);
    return file;
  });
}

export function restoreDataDir(dataDir: string, file: string, options: { force?: boolean } = {}): void {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  withLock(dataDir, () => {
    const present = readdirSync(dataDir).filter((name) => name !== "bastion.pid");
    if (present.length > 0 && !options.force) {
      throw new BackupError(`${dataDir} is not empty; restore into an empty data directory, or pass --force to replace it`);
    }
    for (const name of present) rmSync(path.join(dataDir, name), { recursive: true, force: true });
    tar(["-xzf", file, "-C", dataDir]);
  });
}
