"use client";

import type { ReactNode } from "react";
import type { ConnectionItem } from "@/lib/integrations/queries";
import { connectionHealth } from "./health";
import { METHOD_LABELS, PROVIDER_LABELS } from "./providers";
import { Time } from "./relative-time";
import { StatusBadge } from "@/components/ui/status-badge";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** A connection's settings and health at a glance. */
export function ConnectionHealth({ connection }: { connection: ConnectionItem }) {
  const health = connectionHealth(connection);
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      <Row term="Health">
        <StatusBadge tone={health.tone} testId="connection-health">{health.label}</StatusBadge>
      </Row>
      <Row term="Provider">
        {PROVIDER_LABELS[connection.provider]} · {METHOD_LABELS[connection.method] ?? connection.method}
      </Row>
      <Row term="Account">{connection.externalId ?? "—"}{connection.baseUrl && <span className="block text-muted-foreground">{connection.baseUrl}</span>}</Row>
      <Row term="Last delivery"><Time iso={connection.lastDeliveryAt} empty="never" /></Row>
      <Row term="Last checked"><Time iso={connection.lastCheckedAt} empty="never" /></Row>
      <Row term="Last synced"><Time iso={connection.lastSyncedAt} empty="never" /></Row>
      <Row term="Token expires"><Time iso={connection.tokenExpiresAt} empty="does not expire" /></Row>
      <Row term="Last error">
        {connection.lastError ? (
          <span data-testid="connection-last-error" className="text-destructive">
            {connection.lastError} <span className="text-xs text-muted-foreground">(<Time iso={connection.lastErrorAt} />)</span>
          </span>
        ) : (
          "none"
        )}
      </Row>
      <Row term="Connected"><Time iso={connection.createdAt} /></Row>
    </dl>
  );
}
