// Server-side reads of an org's connections and their synced resources, always within
// the caller's org: another org's connection id is simply not found.
import "server-only";
import type { z } from "zod";
import type { OrgContext } from "../../context";
import { getDb, type Db, type Tx } from "../../db";
import { NotFound } from "../../errors";
import { presentConnection, presentResource } from "./present";
import type { resourcesQuery } from "./schemas";

export async function listConnections(ctx: OrgContext) {
  const rows = await getDb().integrationConnection.findMany({ where: { orgId: ctx.org.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500 });
  return rows.map(presentConnection);
}

/** A connection of the caller's org, or NotFound (also for other orgs' ids). */
export async function getConnectionOrThrow(db: Db | Tx, ctx: OrgContext, connectionId: string) {
  const row = await db.integrationConnection.findFirst({ where: { id: connectionId, orgId: ctx.org.id } });
  if (!row) throw new NotFound("Integration");
  return row;
}

export async function listResources(ctx: OrgContext, connectionId: string, query: z.output<typeof resourcesQuery>) {
  await getConnectionOrThrow(getDb(), ctx, connectionId);
  const rows = await getDb().integrationResource.findMany({
    where: { orgId: ctx.org.id, connectionId, ...(query.kind ? { kind: query.kind } : {}) },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    take: 5000,
  });
  return rows.map(presentResource);
}
