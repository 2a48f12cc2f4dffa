"use client";

import Link from "next/link";
import type { ConnectionItem } from "@/lib/integrations/queries";
import { connectionHealth } from "./health";
import { METHOD_LABELS, PROVIDER_LABELS } from "./providers";
import { Time } from "./relative-time";
import { StatusBadge } from "@/components/ui/status-badge";

/** The org's connections with their health: status, last delivery, last error, token expiry. */
export function ConnectionsTable({ slug, connections }: { slug: string; connections: ConnectionItem[] }) {
  if (connections.length === 0) return <p className="text-sm text-muted-foreground">No connections yet.</p>;
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-muted-foreground">
        <tr>
          <th className="py-2 font-medium">Connection</th>
          <th className="py-2 font-medium">Health</th>
          <th className="py-2 font-medium">Last delivery</th>
          <th className="py-2 font-medium">Last error</th>
          <th className="py-2 font-medium">Token expires</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {connections.map((connection) => {
          const health = connectionHealth(connection);
          return (
            <tr key={connection.id} data-testid="connection-row" data-provider={connection.provider}>
              <td className="py-2">
                <Link href={`/orgs/${slug}/integrations/${connection.id}`} className="font-medium underline-offset-4 hover:underline">
                  {connection.name}
                </Link>
                <div className="text-muted-foreground">
                  {PROVIDER_LABELS[connection.provider]} · {METHOD_LABELS[connection.method] ?? connection.method}
                  {connection.baseUrl && <> · {connection.baseUrl}</>}
                </div>
                {connection.webhookUnsigned && (
                  <div className="mt-1">
                    <StatusBadge tone="warn" testId="unsigned-badge">
                      Unsigned webhooks
                    </StatusBadge>
                  </div>
                )}
              </td>
              <td className="py-2">
                <StatusBadge tone={health.tone} testId="connection-health">{health.label}</StatusBadge>
              </td>
              <td className="py-2 whitespace-nowrap">
                <Time iso={connection.lastDeliveryAt} empty="never" />
              </td>
              <td className="max-w-xs py-2">
                {connection.lastError ? (
                  <>
                    <div className="truncate text-destructive" title={connection.lastError}>{connection.lastError}</div>
                    <div className="text-xs text-muted-foreground"><Time iso={connection.lastErrorAt} /></div>
                  </>
                ) : (
                  <span className="text-muted-foreground">none</span>
                )}
              </td>
              <td className="py-2 whitespace-nowrap">
                <Time iso={connection.tokenExpiresAt} empty="does not expire" />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
