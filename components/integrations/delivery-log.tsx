"use client";

import { Fragment, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { DELIVERY_STATUSES, type DeliveryItem, type DeliveryStatus } from "@/lib/integrations/queries";
import { DELIVERY_POLL_MS, useDeliveries, useRedeliver } from "@/lib/integrations/query-hooks";
import { DeliveryPayload } from "./delivery-payload";
import { Time } from "./relative-time";
import { StatusBadge, type Tone } from "@/components/ui/status-badge";

const TONES: Record<DeliveryStatus, Tone> = { pending: "neutral", processing: "neutral", processed: "good", failed: "warn", dead: "bad" };
/** Deliveries still in the queue cannot be redelivered yet. */
const IN_QUEUE = new Set<DeliveryStatus>(["pending", "processing"]);

const eventName = (delivery: DeliveryItem) => (delivery.action ? `${delivery.eventType}.${delivery.action}` : delivery.eventType);

/** A connection's deliveries, newest first, refreshed every 2 s while the page is visible. */
export function DeliveryLog({ slug, connectionId, canManage }: { slug: string; connectionId: string; canManage: boolean }) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState<DeliveryStatus | "">("");
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useDeliveries(slug, connectionId, status);
  const redeliver = useRedeliver(slug, connectionId);
  const rows = deliveries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-3">
        <select
          aria-label="Delivery status"
          className="h-9 rounded-md border border-border bg-background px-2 text-sm"
          disabled={!hydrated}
          value={status}
          onChange={(event) => setStatus(event.target.value as DeliveryStatus | "")}
        >
          <option value="">All statuses</option>
          {DELIVERY_STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <span className="text-xs text-muted-foreground">Live: refreshed every {DELIVERY_POLL_MS / 1000} s</span>
      </div>
      {(deliveries.error ?? redeliver.error) && <Alert variant="error">{(deliveries.error ?? redeliver.error)!.message}</Alert>}
      <table className="w-full text-sm">
        <thead className="text-left text-muted-foreground">
          <tr>
            <th className="py-2 font-medium">Status</th>
            <th className="py-2 font-medium">Event</th>
            <th className="py-2 font-medium">Received</th>
            <th className="py-2 font-medium">Processed</th>
            <th className="py-2 font-medium">Attempts</th>
            <th className="py-2 font-medium">Error</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((delivery) => (
            <Fragment key={delivery.id}>
              <tr data-testid="delivery-row" data-delivery-id={delivery.deliveryId}>
                <td className="py-2">
                  <StatusBadge tone={TONES[delivery.status]} testId="delivery-status">{delivery.status}</StatusBadge>
                </td>
                <td className="py-2">
                  <div className="font-mono font-medium">{eventName(delivery)}</div>
                  <div className="font-mono text-xs text-muted-foreground">{delivery.deliveryId}</div>
                </td>
                <td className="py-2 whitespace-nowrap"><Time iso={delivery.receivedAt} /></td>
                <td className="py-2 whitespace-nowrap"><Time iso={delivery.processedAt} empty="not yet" /></td>
                <td className="py-2" data-testid="delivery-attempts">{delivery.attempts}</td>
                <td className="max-w-xs truncate py-2 text-destructive" title={delivery.lastError ?? undefined}>{delivery.lastError}</td>
                <td className="py-2 text-right whitespace-nowrap">
                  <Button size="sm" variant="ghost" aria-expanded={open === delivery.id} aria-label={`Payload of ${delivery.deliveryId}`} onClick={() => setOpen(open === delivery.id ? null : delivery.id)}>
                    Payload
                  </Button>
                  {canManage && (
                    <Button
                      size="sm"
                      variant="outline"
                      aria-label={`Redeliver ${delivery.deliveryId}`}
                      disabled={IN_QUEUE.has(delivery.status) || (redeliver.isPending && redeliver.variables === delivery.id)}
                      onClick={() => redeliver.mutate(delivery.id)}
                    >
                      Redeliver
                    </Button>
                  )}
                </td>
              </tr>
              {open === delivery.id && (
                <tr>
                  <td colSpan={7} className="pb-3">
                    <DeliveryPayload slug={slug} connectionId={connectionId} deliveryId={delivery.id} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && !deliveries.isPending && <p className="text-sm text-muted-foreground">No deliveries yet. They appear here as the provider sends them.</p>}
      {deliveries.hasNextPage && (
        <Button variant="outline" className="self-start" disabled={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
          Older deliveries
        </Button>
      )}
    </div>
  );
}
