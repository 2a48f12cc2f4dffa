// An admin's "sync now": queues a sync unless one is already waiting to run.
import "server-only";
import type { OrgContext } from "../../context";
import { getDb } from "../../db";
import { Conflict } from "../../errors";
import { getConnectionOrThrow } from "../connections/queries";
import { enqueueSync, pendingSyncOf } from "./enqueue";

export async function requestSync(ctx: OrgContext, connectionId: string): Promise<{ jobId: string }> {
  return getDb().$transaction(async (tx) => {
    const connection = await getConnectionOrThrow(tx, ctx, connectionId);
    if (connection.status !== "active") throw new Conflict("The integration is disabled; enable it to sync");
    // Serializes concurrent clicks on the same connection, so they share one job.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`integrations.sync-request:${connectionId}`}))`;
    const waiting = await pendingSyncOf(tx, connectionId);
    return { jobId: waiting ?? (await enqueueSync(tx, connectionId))! };
  });
}
