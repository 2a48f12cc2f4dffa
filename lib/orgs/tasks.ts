// Background tasks of the org domain.
import { defineTask } from "../jobs/tasks";

/** Removes a soft-deleted org for good; everything under it goes with it (cascades). */
export const purgeDeletedOrg = defineTask<{ orgId: string }>({
  name: "orgs.purge",
  async run({ orgId }, { db }) {
    await db.organization.deleteMany({ where: { id: orgId, deletedAt: { not: null } } });
  },
});
