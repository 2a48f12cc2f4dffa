// The daily refresh: one sync job per active connection, at most one per connection
// per UTC day however often this runs (several workers schedule recurring tasks).
// No "server-only" marker: the worker (plain Node) runs it.
import type { Db } from "../../db";
import { SYNC_TASK, enqueueSync } from "./enqueue";

export async function enqueueDailySyncs(db: Db, now = new Date()): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  const connections = await db.integrationConnection.findMany({ where: { status: "active" }, select: { id: true }, orderBy: { id: "asc" } });
  let enqueued = 0;
  for (const { id } of connections) {
    if (await enqueueSync(db, id, `${SYNC_TASK}:${id}:${day}`)) enqueued++;
  }
  return enqueued;
}
