"use client";

import { Plug } from "lucide-react";
import Link from "next/link";
import { DataTable, formatSort, parseSort, Truncate, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { useUrlState } from "@/components/ui/use-url-state";
import type { ConnectionItem } from "@/lib/integrations/queries";
import { connectionHealth } from "./health";
import { METHOD_LABELS, PROVIDER_LABELS } from "./providers";
import { Time } from "./relative-time";

const time = (iso: string | null) => (iso ? Date.parse(iso) : null);

/** The connections table's columns, in order; a new column is one more entry. */
function connectionColumns(slug: string): Column<ConnectionItem>[] {
  return [
    {
      id: "name",
      header: "Connection",
      sortValue: (connection) => connection.name.toLowerCase(),
      cell: (connection) => (
        <div className="min-w-0">
          <Link href={`/orgs/${slug}/integrations/${connection.id}`} title={connection.name} className="block truncate font-medium underline-offset-4 hover:underline">
            {connection.name}
          </Link>
          <Truncate
            text={[PROVIDER_LABELS[connection.provider], METHOD_LABELS[connection.method] ?? connection.method, connection.baseUrl].filter(Boolean).join(" · ")}
            className="text-xs text-muted-foreground"
          />
          {connection.webhookUnsigned && (
            <div className="mt-1">
              <StatusBadge tone="warn" testId="unsigned-badge">
                Unsigned webhooks
              </StatusBadge>
            </div>
          )}
        </div>
      ),
    },
    {
      id: "health",
      header: "Health",
      width: "10rem",
      sortValue: (connection) => connectionHealth(connection).label,
      cell: (connection) => {
        const health = connectionHealth(connection);
        return (
          <StatusBadge tone={health.tone} testId="connection-health">
            {health.label}
          </StatusBadge>
        );
      },
    },
    {
      id: "lastDelivery",
      header: "Last delivery",
      width: "11rem",
      sortValue: (connection) => time(connection.lastDeliveryAt),
      cell: (connection) => (
        <span className="block truncate text-muted-foreground">
          <Time iso={connection.lastDeliveryAt} empty="never" />
        </span>
      ),
    },
    {
      id: "lastError",
      header: "Last error",
      width: "22%",
      cell: (connection) =>
        connection.lastError ? (
          <div className="min-w-0">
            <Truncate text={connection.lastError} className="text-destructive" />
            <span className="block truncate text-xs text-muted-foreground">
              <Time iso={connection.lastErrorAt} />
            </span>
          </div>
        ) : (
          <span className="text-muted-foreground">none</span>
        ),
    },
    {
      id: "tokenExpires",
      header: "Token expires",
      width: "11rem",
      sortValue: (connection) => time(connection.tokenExpiresAt),
      cell: (connection) => (
        <span className="block truncate text-muted-foreground">
          <Time iso={connection.tokenExpiresAt} empty="does not expire" />
        </span>
      ),
    },
  ];
}

/** The org's connections with their health: status, last delivery, last error, token expiry. */
export function ConnectionsTable({ slug, connections, loading }: { slug: string; connections: ConnectionItem[] | undefined; loading: boolean }) {
  const [{ sort }, setUrl] = useUrlState(["sort"] as const);
  return (
    <DataTable
      label="Connections"
      columns={connectionColumns(slug)}
      rows={connections}
      rowKey={(connection) => connection.id}
      loading={loading}
      sort={parseSort(sort)}
      onSortChange={(next) => setUrl({ sort: formatSort(next) })}
      rowProps={(connection) => ({ "data-testid": "connection-row", "data-provider": connection.provider })}
      minWidth="52rem"
      empty={<EmptyState icon={Plug} className="border-0 py-4" title="No connections yet" description="Connect a provider from the catalogue above; its webhooks and resources show up here." />}
    />
  );
}
