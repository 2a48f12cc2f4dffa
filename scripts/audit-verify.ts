// npm run audit:verify: walks every audit chain (each org's, purged orgs' too, and the
// instance's) from its retention anchor to its head and prints one line per chain, ok or
// broken at the first event that fails. Exits 1 when any chain is broken. Read-only;
// safe while Bastion serves.
import { boot, describeMode } from "../lib/boot";
import { env } from "../lib/env";
import { describeChainVerification, verifyAllChains } from "../lib/audit/verify";
import { exitOnStartupFailure } from "./cli";

try {
  env();
  console.log(`bastion: verifying audit chains (${describeMode()})`);
  const booted = await boot({ migrate: false });
  try {
    const verifications = await verifyAllChains((verification) => console.log(describeChainVerification(verification)));
    const broken = verifications.filter((verification) => verification.status === "broken").length;
    console.log(`bastion: ${verifications.length} chains, ${broken} broken`);
    process.exitCode = broken > 0 ? 1 : 0;
  } finally {
    await booted.shutdown();
  }
} catch (error) {
  exitOnStartupFailure(error);
}
