// npm run keys:rotate: rewraps every org's data key under the newest key-encryption key
// (add the new master key to BASTION_MASTER_KEYS, or rotate the Vault Transit key,
// first). Batched and resumable: an interrupted run is simply run again. Safe while
// Bastion serves: values and plaintext data keys do not change, only their wrapping.
// Once it reports nothing left, older master keys can be removed from the keyring.
import { parseArgs } from "node:util";
import { boot, describeMode } from "../lib/boot";
import { env } from "../lib/env";
import { getDb } from "../lib/db";
import { rewrapTotpKeys } from "../lib/auth/mfa/totp-secret";
import { rewrapDataKeys } from "../lib/secrets/rotation";
import { exitOnStartupFailure } from "./cli";

const { values } = parseArgs({ options: { "batch-size": { type: "string", default: "100" } } });
const batchSize = Number(values["batch-size"]);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error("usage: npm run keys:rotate -- [--batch-size 1..10000]");
  process.exit(2);
}

try {
  env();
  console.log(`bastion: rewrapping org data keys (${describeMode()})`);
  const booted = await boot({ migrate: false });
  try {
    const done = await rewrapDataKeys(getDb(), {
      batchSize,
      onBatch: (progress) => console.log(`bastion: batch ${progress.batches}: ${progress.rewrapped} data keys rewrapped so far`),
    });
    console.log(`bastion: done; ${done.rewrapped} data keys now under key-encryption key v${done.kekVersion}`);
    // Users' TOTP secrets have their own data keys (users belong to no org).
    const totp = await rewrapTotpKeys(getDb());
    console.log(`bastion: ${totp.rewrapped} TOTP data keys rewrapped`);
  } finally {
    await booted.shutdown();
  }
} catch (error) {
  if (error instanceof Error && error.name === "KmsError") {
    console.error(`bastion: ${error.message}`);
    process.exit(1);
  }
  exitOnStartupFailure(error);
}
