// npm run backup -- [--out DIR]: a backup of Bastion's database into DIR (default
// ./backups), named by its time. Server mode: pg_dump (custom format) of DATABASE_URL,
// safe while Bastion serves. Single-process mode: a tar.gz of the data directory,
// including the generated master key; refused while `npm start` holds it.
import { parseArgs } from "node:util";
import { backupDatabase } from "../lib/backup/database";
import { backupDataDir } from "../lib/backup/data-dir";
import { MASTER_KEY_WARNING } from "../lib/backup/names";
import { dataDir, env, mode } from "../lib/env";
import { exitOnStartupFailure } from "./cli";

const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });

try {
  env();
} catch (error) {
  exitOnStartupFailure(error);
}

try {
  if (mode() === "server") {
    const file = await backupDatabase(env().DATABASE_URL!, values.out);
    console.log(`bastion: database backed up to ${file}`);
    console.warn(`bastion: ${MASTER_KEY_WARNING}`);
  } else {
    const file = backupDataDir(dataDir(), values.out);
    console.log(`bastion: data directory ${dataDir()} backed up to ${file}`);
    console.warn(
      env().BASTION_MASTER_KEYS
        ? `bastion: ${MASTER_KEY_WARNING}`
        : "bastion: this backup holds the generated master key (and the generated session secret, unless AUTH_SECRET is set): anyone with the file can decrypt every secret; store it like a key.",
    );
  }
} catch (error) {
  console.error(`bastion: backup failed: ${(error as Error).message}`);
  process.exit(1);
}
