"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ConnectionsList } from "@/lib/integrations/queries";
import { useConnections } from "@/lib/integrations/query-hooks";
import { PROVIDERS, type Provider } from "@/lib/integrations/types";
import { ConnectDialog } from "./connect-dialog";
import { ConnectionsTable } from "./connections-table";
import { PROVIDER_LABELS } from "./providers";

/** Why an OAuth round trip came back without a connection (the callback's ?error=). */
const OAUTH_ERRORS: Record<string, string> = {
  access_denied: "The authorization was declined at the provider.",
  invalid_state: "The authorization was not recognized (already used, or for another provider); start again.",
  expired_state: "The authorization took too long and expired; start again.",
  session_mismatch: "The authorization was started in another session; start again from here.",
  forbidden: "You may no longer manage integrations in this organization.",
  installation_pending: "The GitHub App installation awaits an owner's approval on GitHub.",
  missing_code: "The provider came back without an authorization; start again.",
  provider_refused: "The provider refused the authorization; check its app settings and try again.",
};

type Props = { slug: string; canManage: boolean; initial?: ConnectionsList; oauthError?: string };

export function IntegrationsConsole({ slug, canManage, initial, oauthError }: Props) {
  const hydrated = useHydrated();
  const connections = useConnections(slug, initial);
  const [connecting, setConnecting] = useState<Provider | null>(null);
  const oauth = connections.data?.oauth;

  return (
    <div className="flex flex-col gap-4">
      {oauthError && <Alert variant="error">{OAUTH_ERRORS[oauthError] ?? "The connection was not completed; start again."}</Alert>}
      {connections.error && <Alert variant="error">{connections.error.message}</Alert>}
      <div className="flex flex-wrap items-center gap-2">
        {canManage &&
          PROVIDERS.map((provider) => (
            <Button key={provider} variant="outline" disabled={!oauth || !hydrated} onClick={() => setConnecting(provider)}>
              Connect {PROVIDER_LABELS[provider]}
            </Button>
          ))}
        <span className="ml-auto flex gap-4 text-sm">
          <Link href={`/orgs/${slug}/integrations/rules`} className="font-medium underline-offset-4 hover:underline">
            Notification rules
          </Link>
          <Link href={`/orgs/${slug}/activity`} className="font-medium underline-offset-4 hover:underline">
            Activity
          </Link>
        </span>
      </div>
      {connecting && oauth && <ConnectDialog slug={slug} provider={connecting} oauth={oauth} onClose={() => setConnecting(null)} />}
      {connections.data ? <ConnectionsTable slug={slug} connections={connections.data.items} /> : !connections.error && <p className="text-sm text-muted-foreground">Loading…</p>}
    </div>
  );
}
