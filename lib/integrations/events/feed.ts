// Reading the activity feed: an org's events newest first, optionally from one source,
// on a keyset cursor.
import "server-only";
import type { OrgContext } from "../../context";
import { getDb } from "../../db";
import { after, decodeCursor, page } from "../cursor";
import { presentOrgEvent } from "./present";
import type { ActivityQuery } from "./schemas";

export async function listOrgEvents(ctx: OrgContext, query: ActivityQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await getDb().orgEvent.findMany({
    where: { orgId: ctx.org.id, ...(query.source ? { source: query.source } : {}), ...after("occurredAt", cursor) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const { items, nextCursor } = page(rows, query.limit, (row) => row.occurredAt);
  return { items: items.map(presentOrgEvent), nextCursor };
}
