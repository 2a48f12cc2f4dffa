// npm run db:migrate: applies pending migrations (server mode: DATABASE_URL; otherwise
// the embedded database in the data directory, which must not be in use by a running
// Bastion). Refuses when an applied migration's file has changed.
import { boot, describeMode } from "../lib/boot";
import { env } from "../lib/env";
import { exitOnStartupFailure } from "./cli";

try {
  env();
  console.log(`bastion: migrating (${describeMode()})`);
  const booted = await boot({ migrate: true });
  await booted.shutdown();
  console.log("bastion: database is up to date");
} catch (error) {
  exitOnStartupFailure(error);
}
