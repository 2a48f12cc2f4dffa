// npm run restore -- <file> [--force]: restores a backup made by `npm run backup`.
// Server mode: pg_restore into DATABASE_URL, which must be empty unless --force (then
// everything in it is dropped first). Single-process mode: unpacks into the data
// directory, which must be empty unless --force. Stop Bastion (web and workers) first;
// start it with the same master keys and AUTH_SECRET as when the backup was taken.
import { parseArgs } from "node:util";
import { restoreDatabase } from "../lib/backup/database";
import { restoreDataDir } from "../lib/backup/data-dir";
import { dataDir, env, mode } from "../lib/env";
import { exitOnStartupFailure } from "./cli";

const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error("usage: npm run restore -- <backup file> [--force]");
  process.exit(2);
}
const file = positionals[0]!;

try {
  env();
} catch (error) {
  exitOnStartupFailure(error);
}

try {
  if (mode() === "server") {
    if (!file.endsWith(".dump")) throw new Error(`${file} is not a server-mode backup (.dump); DATABASE_URL is set`);
    await restoreDatabase(env().DATABASE_URL!, file, { force: values.force });
    console.log(`bastion: database restored from ${file}; run \`npm run db:migrate\` if this release is newer than the backup`);
  } else {
    if (!file.endsWith(".tar.gz")) throw new Error(`${file} is not a single-process backup (.tar.gz); set DATABASE_URL to restore a .dump`);
    restoreDataDir(dataDir(), file, { force: values.force });
    console.log(`bastion: data directory ${dataDir()} restored from ${file}`);
  }
} catch (error) {
  console.error(`bastion: restore failed: ${(error as Error).message}`);
  process.exit(1);
}
