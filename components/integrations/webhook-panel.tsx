"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { useState } from "react";
import type { ConnectionItem } from "@/lib/integrations/queries";
import { useRotateWebhookSecret, useSetWebhookSecret } from "@/lib/integrations/query-hooks";
import type { Provider } from "@/lib/integrations/types";
import { CopyButton } from "@/components/ui/copy-button";
import { UnsignedWebhooks } from "./unsigned-webhooks";

/** Where each provider wants the URL and the secret. */
const WHERE: Record<Provider, string> = {
  github: "In the repository's or organization's Settings → Webhooks: Payload URL, content type application/json, and this secret.",
  gitlab: "In the project's or group's Settings → Webhooks: URL, and this secret as the secret token.",
  jira: "In Jira's System → Webhooks: URL, and this secret.",
  linear: "In Linear's Settings → API → Webhooks: this URL. Linear makes the signing secret itself: paste it below.",
  slack: "Your Slack app's Request URL (Event Subscriptions and Interactivity), one for every workspace: the instance's operator sets it once in the Slack app's settings.",
};

/** A GitHub App posts every installation's events to its one webhook URL, not to a repository webhook. */
const GITHUB_APP_WHERE = "The GitHub App's webhook URL, one for every installation: the instance's operator sets it once in the App's settings, with GITHUB_APP_WEBHOOK_SECRET as its secret. Nothing to paste here.";

type Props = { slug: string; connection: ConnectionItem; canManage: boolean; secret: string | null; onSecret: (secret: string | null) => void };

/** The webhook URL (with copy), the webhook secret once after connect or rotation, and rotation. */
export function WebhookPanel({ slug, connection, canManage, secret, onSecret }: Props) {
  const rotate = useRotateWebhookSecret(slug, connection.id);
  const confirm = useConfirm();
  // Slack signs with its app's signing secret: Bastion neither chooses nor shows it.
  const signedByApp = connection.provider === "slack";
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted-foreground">{connection.provider === "github" && connection.method === "app" ? GITHUB_APP_WHERE : WHERE[connection.provider]}</p>
      <div className="flex items-center gap-2">
        <code data-testid="webhook-url" className="flex-1 break-all rounded bg-muted px-2 py-1 font-mono text-xs">
          {connection.webhookUrl}
        </code>
        <CopyButton value={connection.webhookUrl} label="Copy webhook URL" />
      </div>
      {secret && (
        <Alert variant="success">
          <p className="font-medium">Copy the webhook secret now: it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="webhook-secret" className="break-all rounded bg-muted px-2 py-1 font-mono text-xs text-foreground">
              {secret}
            </code>
            <CopyButton value={secret} label="Copy webhook secret" />
            <Button size="sm" variant="ghost" onClick={() => onSecret(null)}>
              Done
            </Button>
          </div>
        </Alert>
      )}
      <UnsignedWebhooks slug={slug} connection={connection} canManage={canManage} />
      {rotate.error && <Alert variant="error">{rotate.error.message}</Alert>}
      {signedByApp && <p className="text-sm text-muted-foreground">Slack signs its requests with the Slack app&apos;s signing secret (SLACK_SIGNING_SECRET on this instance), so there is no secret to copy here.</p>}
      {canManage && connection.provider === "linear" && <IssuedSecretForm slug={slug} connectionId={connection.id} />}
      {canManage && !signedByApp && (
        <div>
          <Button
            size="sm"
            variant="outline"
            disabled={rotate.isPending}
            onClick={async () => {
              const question = connection.webhookUnsigned
                ? "Generate a webhook secret? Unsigned deliveries will be refused from now on."
                : "Rotate the webhook secret? Deliveries signed with the old one will be refused until the provider has the new one.";
              const confirmed = await confirm({ title: connection.webhookUnsigned ? "Generate a webhook secret?" : "Rotate the webhook secret?", description: question, confirmLabel: connection.webhookUnsigned ? "Generate secret" : "Rotate secret" });
              if (confirmed) rotate.mutate(undefined, { onSuccess: (answer) => onSecret(answer.webhookSecret) });
            }}
          >
            {connection.webhookUnsigned ? "Generate a webhook secret" : "Rotate webhook secret"}
          </Button>
        </div>
      )}
    </div>
  );
}

/** A signing secret the provider generated (Linear's), pasted once; it is never shown back. */
function IssuedSecretForm({ slug, connectionId }: { slug: string; connectionId: string }) {
  const save = useSetWebhookSecret(slug, connectionId);
  const [secret, setSecret] = useState("");
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(secret, { onSuccess: () => setSecret("") });
      }}
    >
      <label htmlFor="issued-secret" className="text-sm font-medium">
        Linear&apos;s signing secret
      </label>
      <div className="flex gap-2">
        <Input id="issued-secret" type="password" autoComplete="off" value={secret} onChange={(event) => setSecret(event.target.value)} />
        <Button type="submit" size="sm" disabled={save.isPending || secret.trim().length === 0}>
          Save secret
        </Button>
      </div>
      {save.isSuccess && <p className="text-sm text-muted-foreground">Saved: deliveries signed with it are accepted.</p>}
      {save.error && <Alert variant="error">{save.error.message}</Alert>}
    </form>
  );
}
