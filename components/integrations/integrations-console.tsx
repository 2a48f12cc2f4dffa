"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ConnectionsList } from "@/lib/integrations/queries";
import { useConnections } from "@/lib/integrations/query-hooks";
import type { ProviderSetup } from "@/lib/integrations/setup";
import type { Provider } from "@/lib/integrations/types";
import { ConnectDialog } from "./connect-dialog";
import { ConnectionsTable } from "./connections-table";
import { ProviderCatalogue } from "./provider-catalogue";
import { PROVIDER_LABELS, type OpenDialog } from "./providers";
import { SetupChecklist } from "./setup-checklist";

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

type Props = { slug: string; canManage: boolean; initial?: ConnectionsList; oauthError?: string; setup: Record<Provider, ProviderSetup>; opened?: OpenDialog };

export function IntegrationsConsole({ slug, canManage, initial, oauthError, setup, opened = null }: Props) {
  const hydrated = useHydrated();
  const router = useRouter();
  const pathname = usePathname();
  const connections = useConnections(slug, initial);
  const [dialog, setDialog] = useState<OpenDialog>(opened);
  const oauth = connections.data?.oauth;
  const open = (next: OpenDialog) => {
    setDialog(next);
    router.replace(next ? `${pathname}?${next.kind}=${next.provider}` : pathname, { scroll: false });
  };
  // A connect link for a provider with no usable method lands on its checklist instead.
  const shown: OpenDialog = dialog?.kind === "connect" && dialog.provider === "slack" && !setup.slack.configured ? { kind: "setup", provider: "slack" } : dialog;

  return (
    <div className="flex flex-col gap-8">
      {oauthError && <Alert variant="error">{OAUTH_ERRORS[oauthError] ?? "The connection was not completed; start again."}</Alert>}
      {connections.error && <Alert variant="error">{connections.error.message}</Alert>}
      <section aria-labelledby="catalogue-title" className="flex flex-col gap-3">
        <h2 id="catalogue-title" className="text-lg font-semibold tracking-tight">
          Catalogue
        </h2>
        <ProviderCatalogue
          slug={slug}
          canManage={canManage}
          ready={hydrated && Boolean(oauth)}
          connections={connections.data?.items}
          setup={setup}
          onConnect={(provider) => open({ kind: "connect", provider })}
          onSetup={(provider) => open({ kind: "setup", provider })}
        />
      </section>
      <section aria-labelledby="connections-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="connections-title" className="text-lg font-semibold tracking-tight">
            Connections
          </h2>
          <span className="flex gap-4 text-sm">
            <Link href={`/orgs/${slug}/integrations/rules`} className="font-medium underline-offset-4 hover:underline">
              Notification rules
            </Link>
            <Link href={`/orgs/${slug}/activity`} className="font-medium underline-offset-4 hover:underline">
              Activity
            </Link>
          </span>
        </div>
        <ConnectionsTable slug={slug} connections={connections.data?.items} loading={connections.isPending && !connections.error} />
      </section>
      {shown?.kind === "connect" && canManage && oauth && <ConnectDialog slug={slug} provider={shown.provider} oauth={oauth} onClose={() => open(null)} />}
      {shown?.kind === "setup" && (
        <Dialog title={`Set up ${PROVIDER_LABELS[shown.provider]} on this instance`} onClose={() => open(null)}>
          <p className="mb-5 text-sm text-muted-foreground">
            {shown.provider === "slack"
              ? "Slack connects only through Bastion's own Slack app, which the operator of this instance registers once."
              : `${PROVIDER_LABELS[shown.provider]}'s ${shown.provider === "github" ? "app install" : "sign-in"} needs an app the operator of this instance registers once. Token methods work without it.`}
          </p>
          <SetupChecklist provider={shown.provider} setup={setup[shown.provider]} />
        </Dialog>
      )}
    </div>
  );
}
