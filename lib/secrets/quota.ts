// The secrets count quota. The billing issue fills secretQuota() from the org's plan;
// until then every org may keep any number of secrets.
import "server-only";
import type { Tx } from "../db";
import { QuotaExceeded } from "../errors";

/** How many live (not deleted) secrets the org may keep. Billing's hook. */
export async function secretQuota(_orgId: string): Promise<number> {
  return Infinity;
}

/** Refuses adding `adding` secrets beyond the quota; call inside the creating transaction. */
export async function assertSecretQuota(tx: Tx, orgId: string, adding: number): Promise<void> {
  const allowed = await secretQuota(orgId);
  if (allowed === Infinity) return;
  const live = await tx.secret.count({ where: { orgId, deletedAt: null } });
  if (live + adding > allowed) throw new QuotaExceeded("secrets", allowed);
}
