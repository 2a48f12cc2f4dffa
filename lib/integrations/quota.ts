// The integrations count quota, from the org's plan (lib/billing): billing off, unlimited.
import "server-only";
import { assertQuota, assertWithinQuota, quotaOf } from "../billing/quota";
import type { Tx } from "../db";

/** How many connections the org may keep. */
export async function integrationQuota(orgId: string): Promise<number> {
  return quotaOf(orgId, "integrations");
}

/** Refuses one more connection beyond the quota (402); call inside the creating transaction. */
export async function assertIntegrationQuota(tx: Tx, orgId: string): Promise<void> {
  await assertQuota(tx, orgId, "integrations", 1, (locked) => locked.integrationConnection.count({ where: { orgId } }));
}

/** Refuses changing connections while the org keeps more than its plan allows (a downgrade); disabling and disconnecting stay allowed. */
export async function assertConnectionsEditable(tx: Tx, orgId: string): Promise<void> {
  await assertWithinQuota(tx, orgId, "integrations", "connections", (db) => db.integrationConnection.count({ where: { orgId } }));
}
