// Queues a sync of one connection. Its own module (no provider code) so the
// transactions that create connections can enqueue without loading the adapters.
// No "server-only" marker: the worker's daily sync-all enqueues through it too.
import type { Db, Tx } from "../../db";
import { enqueue } from "../../jobs/queue";

export const SYNC_TASK = "integrations.sync";

export type SyncPayload = { connectionId: string };

/** Adds a sync job; with a uniqueKey that was used before, adds nothing and returns null. */
export function enqueueSync(db: Db | Tx, connectionId: string, uniqueKey?: string): Promise<string | null> {
  return enqueue(db, SYNC_TASK, { connectionId } satisfies SyncPayload, { maxAttempts: 3, ...(uniqueKey ? { uniqueKey } : {}) });
}

/** The id of a sync of this connection still waiting to run, if any (on-demand syncs do not pile up). */
export async function pendingSyncOf(db: Db | Tx, connectionId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Job"
    WHERE task = ${SYNC_TASK} AND status = 'pending' AND payload->>'connectionId' = ${connectionId}
    LIMIT 1`;
  return rows[0]?.id ?? null;
}
