"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useDelivery } from "@/lib/integrations/query-hooks";
import { JsonTree } from "./json-tree";

/**
 * One delivery as stored: its headers (credentials were redacted when it was received)
 * and its payload, as a collapsible tree or raw JSON.
 */
export function DeliveryPayload({ slug, connectionId, deliveryId }: { slug: string; connectionId: string; deliveryId: string }) {
  const delivery = useDelivery(slug, connectionId, deliveryId);
  const [raw, setRaw] = useState(false);
  if (delivery.error) return <Alert variant="error">{delivery.error.message}</Alert>;
  if (!delivery.data) return <p className="text-sm text-muted-foreground">Loading…</p>;
  const headers = Object.entries(delivery.data.headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-label={`Delivery ${delivery.data.deliveryId}`} className="flex flex-col gap-3 rounded-md bg-muted/40 p-3">
      <div>
        <h3 className="mb-1 text-sm font-medium">Headers</h3>
        <table data-testid="delivery-headers" className="w-full font-mono text-xs">
          <tbody>
            {headers.map(([name, value]) => (
              <tr key={name}>
                <td className="w-64 py-0.5 pr-4 align-top text-muted-foreground">{name}</td>
                <td className="break-all py-0.5">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <div className="mb-1 flex items-center gap-2">
          <h3 className="text-sm font-medium">Payload</h3>
          <Button size="sm" variant="ghost" onClick={() => setRaw(!raw)}>
            {raw ? "Tree" : "Raw JSON"}
          </Button>
        </div>
        <div data-testid="delivery-payload" className="max-h-[32rem] overflow-auto rounded border border-border bg-background p-2">
          {raw ? <pre className="font-mono text-xs whitespace-pre-wrap break-all">{JSON.stringify(delivery.data.payload, null, 2)}</pre> : <JsonTree value={delivery.data.payload} />}
        </div>
      </div>
    </section>
  );
}
