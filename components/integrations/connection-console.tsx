"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { integrationKeys, type ConnectionItem } from "@/lib/integrations/queries";
import { useConnection, useResources } from "@/lib/integrations/query-hooks";
import { ConnectionActions } from "./connection-actions";
import { ConnectionHealth } from "./connection-health";
import { DeliveryLog } from "./delivery-log";
import { ProviderLogo } from "./provider-logo";
import { PROVIDER_LABELS } from "./providers";
import { ResourcesList } from "./resources-list";
import { WebhookPanel } from "./webhook-panel";

const SYNC_WAIT_MS = 60_000;

type Props = { slug: string; initial: ConnectionItem; canManage: boolean; connected: boolean };

/** One connection: its health and actions, webhook URL and secret, synced resources and delivery log. */
export function ConnectionConsole({ slug, initial, canManage, connected }: Props) {
  const client = useQueryClient();
  // The connect dialog parks the new secret in the query cache; it is shown once, then dropped.
  const [secret, setSecret] = useState<string | null>(() => client.getQueryData<string>(integrationKeys.newWebhookSecret(slug, initial.id)) ?? null);
  useEffect(() => client.removeQueries({ queryKey: integrationKeys.newWebhookSecret(slug, initial.id), exact: true }), [client, slug, initial.id]);
  const connection = useConnection(slug, initial.id, initial);
  const current = connection.data ?? initial;
  // A connection that never synced has its first sync queued (with the connection): wait for
  // it as for one requested here, so its resources appear without a reload.
  const [syncRequestedAt, setSyncRequestedAt] = useState<number | null>(() => (initial.lastSyncedAt === null ? Date.now() : null));
  const syncing = syncRequestedAt !== null && Date.now() - syncRequestedAt < SYNC_WAIT_MS && (current.lastSyncedAt === null || Date.parse(current.lastSyncedAt) < syncRequestedAt);
  const resources = useResources(slug, initial.id, "", { poll: syncing });
  // One last read once the sync has finished, in case it ended between two polls.
  useEffect(() => {
    if (!syncing && syncRequestedAt !== null) void client.invalidateQueries({ queryKey: integrationKeys.allResources(slug, initial.id) });
  }, [syncing, syncRequestedAt, client, slug, initial.id]);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex min-w-0 items-center gap-4">
        <ProviderLogo provider={current.provider} size={48} />
        <div className="flex min-w-0 flex-col gap-0.5">
          <p className="text-sm text-muted-foreground">
            <Link href={`/orgs/${slug}/integrations`} className="underline-offset-4 hover:text-foreground hover:underline">
              Integrations
            </Link>{" "}
            / {PROVIDER_LABELS[current.provider]} connection
          </p>
          <h1 className="truncate text-2xl font-semibold tracking-tight" title={current.name}>
            {current.name}
          </h1>
        </div>
      </header>
      {connected && <Alert variant="success">{PROVIDER_LABELS[current.provider]} is connected.</Alert>}
      {connection.error && <Alert variant="error">{connection.error.message}</Alert>}
      <Card>
        <CardContent className="flex flex-col gap-4 pt-6">
          <ConnectionHealth connection={current} />
          {canManage && <ConnectionActions slug={slug} connection={current} onSyncRequested={() => setSyncRequestedAt(Date.now())} />}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Webhook</CardTitle>
          <CardDescription>Deliveries to this URL are verified with the secret, stored, and processed in the background.</CardDescription>
        </CardHeader>
        <CardContent>
          <WebhookPanel slug={slug} connection={current} canManage={canManage} secret={secret} onSecret={setSecret} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Resources</CardTitle>
          <CardDescription>Found by the last sync; notification rules pick from these. Synced daily and on demand.</CardDescription>
        </CardHeader>
        <CardContent>
          <ResourcesList resources={resources.data?.items} syncing={syncing} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Delivery log</CardTitle>
          <CardDescription>Every verified delivery with its processing status; failed ones are retried, then marked dead.</CardDescription>
        </CardHeader>
        <CardContent>
          <DeliveryLog slug={slug} connectionId={initial.id} canManage={canManage} />
        </CardContent>
      </Card>
    </div>
  );
}
