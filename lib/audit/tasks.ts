// Audit retention: each org keeps its events for its retention period (default 365
// days); account-level events (no org) and the trails of purged orgs for the instance's
// retention. Each chain loses its oldest events only through the database function
// audit_retention_delete() (the one DELETE the append-only trigger allows), which also
// records the anchor that keeps the rest verifiable. Batched so the job never holds
// long locks.
import type { Db } from "../db";
import { defineTask } from "../jobs/tasks";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 10_000;
/** Retention of the instance chain and of purged orgs' chains. */
export const INSTANCE_AUDIT_RETENTION_DAYS = 365;

async function trimChain(db: Db, chainId: string, cutoff: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ deleted }] = await db.$queryRaw<[{ deleted: number }]>`
      SELECT "audit_retention_delete"(${chainId}, (${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC')::timestamp(3), ${BATCH}::int) AS deleted`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

export const enforceAuditRetention = defineTask({
  name: "audit.retention",
  every: "day",
  async run(_payload, { db }) {
    const chains = await db.$queryRaw<{ id: string; retentionDays: number | null }[]>`
      SELECT c.id, o."auditRetentionDays" AS "retentionDays" FROM "AuditChain" AS c LEFT JOIN "Organization" AS o ON o.id = c.id`;
    for (const chain of chains) {
      const days = chain.retentionDays ?? INSTANCE_AUDIT_RETENTION_DAYS;
      await trimChain(db, chain.id, new Date(Date.now() - days * DAY_MS));
    }
  },
});
