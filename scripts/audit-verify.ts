// npm run audit:verify: walks every audit chain (each org's, purged orgs' too, and the
// instance's) from its retention anchor to its head and prints one line per chain, ok or
// broken at the first event that fails. Exits 1 when any chain is broken. Read-only;
// safe while Bastion serves.
import { boot, describeMode } from "../lib/boot";
import { env } from "../lib/env";
import { INSTANCE_CHAIN } from "../lib/audit/chain";
import { verifyAllChains, type BreakReason, type ChainVerification } from "../lib/audit/verify";
import { exitOnStartupFailure } from "./cli";

const REASONS: Record<BreakReason, string> = {
  edited: "its fields no longer match its hash",
  relinked: "its prevHash does not name the previous event",
  missing: "events before it are missing",
  unchained: "it carries no chain position or hash",
  truncated: "the chain's newest events are missing",
};

/** One line for the CLI: `ok   org acme (c…): 1200 events` or `BROKEN … at event <id>: why`. */
function describeChainVerification(verification: ChainVerification): string {
  const org = verification.chainId === INSTANCE_CHAIN ? "instance (events without an org)" : `org ${verification.orgSlug ?? "?"} (${verification.chainId})${verification.purged ? " [purged]" : ""}`;
  if (verification.status === "verified") return `ok      ${org}: ${verification.checked} events`;
  const at = verification.brokenEventId ? ` at event ${verification.brokenEventId}` : "";
  return `BROKEN  ${org}${at}: ${REASONS[verification.reason!]}`;
}

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
