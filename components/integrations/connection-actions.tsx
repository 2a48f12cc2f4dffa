"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ConnectionItem } from "@/lib/integrations/queries";
import { useCheckConnection, useDisconnect, useSyncConnection, useUpdateConnection } from "@/lib/integrations/query-hooks";

type Props = { slug: string; connection: ConnectionItem; onSyncRequested: () => void };

/** Check, sync, disable or enable, and disconnect: for members who may manage integrations. */
export function ConnectionActions({ slug, connection, onSyncRequested }: Props) {
  const router = useRouter();
  const confirm = useConfirm();
  const check = useCheckConnection(slug, connection.id);
  const sync = useSyncConnection(slug, connection.id);
  const update = useUpdateConnection(slug, connection.id);
  const disconnect = useDisconnect(slug, connection.id);
  const error = check.error ?? sync.error ?? update.error ?? disconnect.error;
  const active = connection.status === "active";

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={check.isPending || !active} onClick={() => check.mutate()}>
          {check.isPending ? "Checking…" : "Check connection"}
        </Button>
        <Button variant="outline" disabled={sync.isPending || !active} onClick={() => sync.mutate(undefined, { onSuccess: onSyncRequested })}>
          Sync now
        </Button>
        <Button variant="outline" disabled={update.isPending} onClick={() => update.mutate({ status: active ? "disabled" : "active" })}>
          {active ? "Disable" : "Enable"}
        </Button>
        <Button
          variant="destructive"
          disabled={disconnect.isPending}
          onClick={async () => {
            const confirmed = await confirm({ title: `Disconnect ${connection.name}?`, description: "Its credentials, webhook secret and delivery log are deleted.", confirmLabel: "Disconnect", typedConfirmation: connection.name });
            if (confirmed) disconnect.mutate(undefined, { onSuccess: () => router.push(`/orgs/${slug}/integrations`) });
          }}
        >
          Disconnect
        </Button>
      </div>
      {check.data?.ok === true && <Alert variant="success">The provider accepted the credentials.</Alert>}
      {check.data?.ok === false && <Alert variant="error">The provider refused: {check.data.error}</Alert>}
      {sync.isSuccess && <Alert variant="info">Sync started; the resources below refresh when it finishes.</Alert>}
      {error && <Alert variant="error">{error.message}</Alert>}
    </div>
  );
}
