// The secrets count quota, from the org's plan (lib/billing): billing off, unlimited.
import "server-only";
import { assertQuota, assertWithinQuota, quotaOf } from "../billing/quota";
import type { Tx } from "../db";

/** How many live (not deleted) secrets the org may keep. */
export async function secretQuota(orgId: string): Promise<number> {
  return quotaOf(orgId, "secrets");
}

/** Refuses adding `adding` secrets beyond the quota (402); call inside the creating transaction. */
export async function assertSecretQuota(tx: Tx, orgId: string, adding: number): Promise<void> {
  await assertQuota(tx, orgId, "secrets", adding, (locked) => locked.secret.count({ where: { orgId, deletedAt: null } }));
}

/** Refuses changing secrets while the org keeps more than its plan allows (a downgrade); deleting stays allowed. */
export async function assertSecretsEditable(tx: Tx, orgId: string): Promise<void> {
  await assertWithinQuota(tx, orgId, "secrets", "secrets", (db) => db.secret.count({ where: { orgId, deletedAt: null } }));
}
