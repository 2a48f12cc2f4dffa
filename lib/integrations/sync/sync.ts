// A sync lists a connection's repositories, projects, teams or channels at the provider
// and makes IntegrationResource rows match: found ones are inserted or renamed,
// vanished ones deleted. One runs per connection at a time (lock.ts).
// No "server-only" marker: the worker (plain Node) runs it.
import { randomBytes } from "node:crypto";
import { getDb, type Tx } from "../../db";
import { logger } from "../../logger";
import { providerCallFor } from "../connections/credentials";
import { ProviderError } from "../outbound/errors";
import { providerClients } from "../providers/clients";
import type { SyncedResource } from "../types";
import { tryLock } from "../locks";

export type SyncOutcome =
  | { status: "synced"; resources: number; removed: number }
  | { status: "skipped"; reason: "locked" | "disabled" | "gone" }
  | { status: "failed"; error: string; transient: boolean };

/** More than this is not a list anyone picks from; the rest is dropped (and logged). */
const MAX_RESOURCES = 10_000;
const CHUNK = 500;

export async function syncConnection(connectionId: string): Promise<SyncOutcome> {
  const connection = await getDb().integrationConnection.findUnique({ where: { id: connectionId } });
  if (!connection) return { status: "skipped", reason: "gone" };
  if (connection.status !== "active") return { status: "skipped", reason: "disabled" };
  const release = await tryLock(`integrations.sync:${connectionId}`);
  if (!release) return { status: "skipped", reason: "locked" };
  try {
    let found: SyncedResource[];
    try {
      found = await providerClients[connection.provider].sync(await providerCallFor(connection));
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      await getDb().integrationConnection.updateMany({ where: { id: connectionId }, data: { lastError: error.message, lastErrorAt: new Date() } });
      return { status: "failed", error: error.message, transient: error.transient };
    }
    if (found.length > MAX_RESOURCES) logger.warn({ connectionId, found: found.length }, "sync found more resources than kept");
    const resources = distinct(found).slice(0, MAX_RESOURCES);
    const syncedAt = new Date();
    return await getDb().$transaction(async (tx) => {
      // Locks the connection row: a disconnect meanwhile either waits or has already won.
      const alive = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "IntegrationConnection" WHERE id = ${connectionId} FOR UPDATE`;
      if (alive.length === 0) return { status: "skipped", reason: "gone" } as const;
      for (let start = 0; start < resources.length; start += CHUNK) {
        await upsertResources(tx, connection, resources.slice(start, start + CHUNK), syncedAt);
      }
      const removed = await tx.integrationResource.deleteMany({ where: { connectionId, syncedAt: { lt: syncedAt } } });
      await tx.integrationConnection.update({ where: { id: connectionId }, data: { lastSyncedAt: syncedAt, lastError: null } });
      return { status: "synced", resources: resources.length, removed: removed.count } as const;
    });
  } finally {
    await release();
  }
}

/** One entry per kind and id (the provider may list one twice across pages). */
function distinct(resources: SyncedResource[]): SyncedResource[] {
  const byKey = new Map<string, SyncedResource>();
  for (const resource of resources) byKey.set(`${resource.kind}\u0000${resource.externalId}`, resource);
  return [...byKey.values()];
}

/** One statement per chunk: insert new resources, rename moved ones, stamp all as seen now. */
async function upsertResources(tx: Tx, connection: { id: string; orgId: string }, resources: SyncedResource[], syncedAt: Date): Promise<void> {
  if (resources.length === 0) return;
  const ids = resources.map(() => `res_${randomBytes(12).toString("base64url")}`);
  await tx.$executeRaw`
    INSERT INTO "IntegrationResource" (id, "orgId", "connectionId", kind, "externalId", name, url, "syncedAt")
    SELECT r.id, ${connection.orgId}, ${connection.id}, r.kind, r."externalId", r.name, r.url, ${syncedAt}
    FROM unnest(${ids}::text[], ${resources.map((r) => r.kind)}::text[], ${resources.map((r) => r.externalId)}::text[],
                ${resources.map((r) => r.name.slice(0, 500))}::text[], ${resources.map((r) => r.url)}::text[]) AS r(id, kind, "externalId", name, url)
    ON CONFLICT ("connectionId", kind, "externalId") DO UPDATE SET name = EXCLUDED.name, url = EXCLUDED.url, "syncedAt" = EXCLUDED."syncedAt"`;
}
