// Background tasks of the org domain.
import { detachAuditTrail } from "../audit/chain";
import { defineTask } from "../jobs/tasks";

/**
 * Removes a soft-deleted org for good; everything under it goes with it (cascades),
 * except its audit trail, which outlives it (lib/audit/chain.ts).
 */
export const purgeDeletedOrg = defineTask<{ orgId: string }>({
  name: "orgs.purge",
  async run({ orgId }, { db }) {
    await db.$transaction(async (tx) => {
      const org = await tx.organization.findFirst({ where: { id: orgId, deletedAt: { not: null } }, select: { id: true, slug: true, name: true } });
      if (!org) return;
      await detachAuditTrail(tx, org);
      await tx.organization.delete({ where: { id: org.id } });
    });
  },
});
