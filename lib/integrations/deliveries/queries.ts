// Reading an org's delivery log: one connection's deliveries newest first, filtered by
// status, on a keyset cursor; one delivery with its headers and payload. Another org's
// connection or delivery is simply not found.
import "server-only";
import type { OrgContext } from "../../context";
import { getDb } from "../../db";
import { NotFound } from "../../errors";
import { after, decodeCursor, page } from "../cursor";
import { presentDelivery, presentDeliveryDetail } from "./present";
import type { ListDeliveriesQuery } from "./schemas";

const SUMMARY = { id: true, deliveryId: true, eventType: true, action: true, status: true, attempts: true, lastError: true, receivedAt: true, processedAt: true } as const;

async function assertConnection(ctx: OrgContext, connectionId: string): Promise<void> {
  const connection = await getDb().integrationConnection.findFirst({ where: { id: connectionId, orgId: ctx.org.id }, select: { id: true } });
  if (!connection) throw new NotFound("Connection");
}

export async function listDeliveries(ctx: OrgContext, connectionId: string, query: ListDeliveriesQuery) {
  await assertConnection(ctx, connectionId);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await getDb().webhookDelivery.findMany({
    where: { orgId: ctx.org.id, connectionId, ...(query.status ? { status: query.status } : {}), ...after("receivedAt", cursor) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: SUMMARY,
  });
  const { items, nextCursor } = page(rows, query.limit, (row) => row.receivedAt);
  return { items: items.map(presentDelivery), nextCursor };
}

export async function getDeliveryOrThrow(ctx: OrgContext, connectionId: string, deliveryId: string) {
  const row = await getDb().webhookDelivery.findFirst({ where: { id: deliveryId, connectionId, orgId: ctx.org.id } });
  if (!row) throw new NotFound("Delivery");
  return presentDeliveryDetail(row);
}
