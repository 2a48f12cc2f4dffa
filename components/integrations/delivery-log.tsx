"use client";

import { Inbox } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable, Truncate, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useUrlState } from "@/components/ui/use-url-state";
import { DELIVERY_STATUSES, type DeliveryItem, type DeliveryStatus } from "@/lib/integrations/queries";
import { DELIVERY_POLL_MS, useDeliveries, useRedeliver } from "@/lib/integrations/query-hooks";
import { DeliveryPayload } from "./delivery-payload";
import { Time } from "./relative-time";

const TONES: Record<DeliveryStatus, Tone> = { pending: "neutral", processing: "neutral", processed: "good", failed: "warn", dead: "bad" };
/** Deliveries still in the queue cannot be redelivered yet. */
const IN_QUEUE = new Set<DeliveryStatus>(["pending", "processing"]);

const eventName = (delivery: DeliveryItem) => (delivery.action ? `${delivery.eventType}.${delivery.action}` : delivery.eventType);
const isStatus = (value: string): value is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(value);

type RowActions = { canManage: boolean; opened: string; toggle: (delivery: DeliveryItem) => void; redeliver: (delivery: DeliveryItem) => void; redelivering: (delivery: DeliveryItem) => boolean };

/** The delivery log's columns, in order (newest first, as the API pages them); a new column is one more entry. */
function deliveryColumns({ canManage, opened, toggle, redeliver, redelivering }: RowActions): Column<DeliveryItem>[] {
  return [
    { id: "status", header: "Status", width: "7.5rem", cell: (delivery) => <StatusBadge tone={TONES[delivery.status]} testId="delivery-status">{delivery.status}</StatusBadge> },
    {
      id: "event",
      header: "Event",
      cell: (delivery) => (
        <div className="min-w-0">
          <Truncate text={eventName(delivery)} className="font-mono font-medium" />
          <Truncate text={delivery.deliveryId} className="font-mono text-xs text-muted-foreground" />
        </div>
      ),
    },
    { id: "received", header: "Received", width: "10.5rem", cell: (delivery) => <span className="block truncate text-muted-foreground"><Time iso={delivery.receivedAt} /></span> },
    { id: "processed", header: "Processed", width: "10.5rem", cell: (delivery) => <span className="block truncate text-muted-foreground"><Time iso={delivery.processedAt} empty="not yet" /></span> },
    { id: "attempts", header: "Attempts", width: "6rem", align: "right", cell: (delivery) => <span className="tabular-nums" data-testid="delivery-attempts">{delivery.attempts}</span> },
    { id: "error", header: "Error", width: "16%", cell: (delivery) => (delivery.lastError ? <Truncate text={delivery.lastError} className="text-destructive" /> : null) },
    {
      id: "actions",
      header: "",
      label: "Actions",
      width: canManage ? "12rem" : "6rem",
      align: "right",
      cell: (delivery) => (
        <span className="inline-flex gap-1">
          <Button size="sm" variant="ghost" aria-expanded={opened === delivery.id} aria-label={`Payload of ${delivery.deliveryId}`} onClick={() => toggle(delivery)}>
            Payload
          </Button>
          {canManage && (
            <Button size="sm" variant="outline" aria-label={`Redeliver ${delivery.deliveryId}`} disabled={IN_QUEUE.has(delivery.status) || redelivering(delivery)} onClick={() => redeliver(delivery)}>
              Redeliver
            </Button>
          )}
        </span>
      ),
    },
  ];
}

/**
 * A connection's deliveries, newest first, refreshed every 2 s while the page is visible.
 * The status filter and the opened payload are in the URL (?status=&delivery=), so a
 * failing delivery can be linked.
 */
export function DeliveryLog({ slug, connectionId, canManage }: { slug: string; connectionId: string; canManage: boolean }) {
  const hydrated = useHydrated();
  const [url, setUrl] = useUrlState(["status", "delivery"] as const);
  const status = isStatus(url.status) ? url.status : "";
  const deliveries = useDeliveries(slug, connectionId, status);
  const redeliver = useRedeliver(slug, connectionId);
  const error = deliveries.error ?? redeliver.error;
  const columns = deliveryColumns({
    canManage,
    opened: url.delivery,
    toggle: (delivery) => setUrl({ delivery: url.delivery === delivery.id ? "" : delivery.id }),
    redeliver: (delivery) => redeliver.mutate(delivery.id),
    redelivering: (delivery) => redeliver.isPending && redeliver.variables === delivery.id,
  });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <select
          aria-label="Delivery status"
          className="h-9 rounded-md border border-border bg-background px-2 text-sm"
          disabled={!hydrated}
          value={status}
          onChange={(event) => setUrl({ status: event.target.value, delivery: "" })}
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
      {error && <Alert variant="error">{error.message}</Alert>}
      <DataTable
        label="Deliveries"
        columns={columns}
        rows={deliveries.data?.pages.flatMap((page) => page.items)}
        rowKey={(delivery) => delivery.id}
        loading={deliveries.isPending && !deliveries.error}
        serverSorted
        hasMore={deliveries.hasNextPage}
        loadingMore={deliveries.isFetchingNextPage}
        onLoadMore={() => void deliveries.fetchNextPage()}
        rowProps={(delivery) => ({ "data-testid": "delivery-row", "data-delivery-id": delivery.deliveryId })}
        detail={(delivery) => (url.delivery === delivery.id ? <DeliveryPayload slug={slug} connectionId={connectionId} deliveryId={delivery.id} /> : null)}
        minWidth="56rem"
        empty={
          <EmptyState
            icon={Inbox}
            className="border-0 py-4"
            title={status ? `No ${status} deliveries` : "No deliveries yet"}
            description={status ? undefined : "They appear here as the provider sends them."}
            action={
              status ? (
                <Button variant="outline" onClick={() => setUrl({ status: "" })}>
                  Show all statuses
                </Button>
              ) : undefined
            }
          />
        }
      />
    </div>
  );
}
