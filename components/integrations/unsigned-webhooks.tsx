"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ConnectionItem } from "@/lib/integrations/queries";
import { useUpdateConnection } from "@/lib/integrations/query-hooks";
import { Dialog } from "@/components/ui/dialog";

export const UNSIGNED_WARNING = "Unsigned webhooks: anyone who learns this URL can post events to this connection.";

/** Whether this connection may be switched to unsigned webhooks (Jira Data Center; Cloud always signs). */
export function mayBeUnsigned(connection: Pick<ConnectionItem, "provider" | "method">): boolean {
  return connection.provider === "jira" && connection.method === "token";
}

/** The warning of an unsigned connection, or (for an admin of a Data Center one) the explicit switch to unsigned. */
export function UnsignedWebhooks({ slug, connection, canManage }: { slug: string; connection: ConnectionItem; canManage: boolean }) {
  const update = useUpdateConnection(slug, connection.id);
  const [confirming, setConfirming] = useState(false);
  if (connection.webhookUnsigned) {
    return (
      <Alert variant="error" data-testid="unsigned-warning">
        <p className="font-medium">{UNSIGNED_WARNING}</p>
        <p className="mt-1">Chosen because this Jira Data Center cannot sign its webhooks. To sign them again, generate a webhook secret below and set it in Jira.</p>
      </Alert>
    );
  }
  if (!canManage || !mayBeUnsigned(connection)) return null;
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button size="sm" variant="outline" onClick={() => setConfirming(true)}>
          Accept unsigned webhooks (Data Center only)
        </Button>
      </div>
      {update.error && <Alert variant="error">{update.error.message}</Alert>}
      {confirming && (
        <Dialog title="Accept unsigned webhooks?" onClose={() => setConfirming(false)}>
          <div className="flex flex-col gap-4 text-sm">
            <p>
              Only for a Jira Data Center that cannot sign its webhooks. The webhook secret is removed and any request to this connection&apos;s webhook URL is accepted as
              Jira&apos;s, so keep the URL private.
            </p>
            <div className="flex justify-end gap-2">
              <Button variant="outline" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button
                variant="destructive"
                disabled={update.isPending}
                onClick={() => update.mutate({ webhookUnsigned: true }, { onSettled: () => setConfirming(false) })}
              >
                Accept unsigned webhooks
              </Button>
            </div>
          </div>
        </Dialog>
      )}
    </div>
  );
}
