// The integrations count quota. The billing issue fills integrationQuota() from the
// org's plan; until then every org may keep any number of connections.
import "server-only";
import type { Tx } from "../db";
import { QuotaExceeded } from "../errors";

/** How many connections the org may keep. Billing's hook. */
export async function integrationQuota(_orgId: string): Promise<number> {
  return Infinity;
}

/** Refuses one more connection beyond the quota; call inside the creating transaction. */
export async function assertIntegrationQuota(tx: Tx, orgId: string): Promise<void> {
  const allowed = await integrationQuota(orgId);
  if (allowed === Infinity) return;
  const existing = await tx.integrationConnection.count({ where: { orgId } });
  if (existing + 1 > allowed) throw new QuotaExceeded("integrations", allowed);
}
