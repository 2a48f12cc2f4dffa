// Audit retention: each org keeps its events for its retention period (default 365
// days); account-level events (no org) for 365 days. Deleted in batches so the job
// never holds long locks.
import type { Db } from "../db";
import { defineTask } from "../jobs/tasks";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 10_000;

async function deleteOlderThan(db: Db, orgId: string | null, cutoff: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM "AuditEvent" WHERE id IN (
        SELECT id FROM "AuditEvent"
        WHERE "orgId" IS NOT DISTINCT FROM ${orgId} AND "createdAt" < ${cutoff}
        LIMIT ${BATCH})`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

export const enforceAuditRetention = defineTask({
  name: "audit.retention",
  every: "day",
  async run(_payload, { db }) {
    const orgs = await db.organization.findMany({ select: { id: true, auditRetentionDays: true } });
    for (const org of orgs) await deleteOlderThan(db, org.id, new Date(Date.now() - org.auditRetentionDays * DAY_MS));
    await deleteOlderThan(db, null, new Date(Date.now() - 365 * DAY_MS));
  },
});
