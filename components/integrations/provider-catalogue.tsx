"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ConnectionItem } from "@/lib/integrations/queries";
import type { ProviderSetup } from "@/lib/integrations/setup";
import { PROVIDERS, type Provider } from "@/lib/integrations/types";
import { connectionHealth } from "./health";
import { ProviderLogo } from "./provider-logo";
import { CONNECT_METHODS, needsInstanceApp, PROVIDER_DESCRIPTIONS, PROVIDER_LABELS } from "./providers";

type Props = {
  slug: string;
  canManage: boolean;
  /** Not known until hydration: buttons wait so a click never lands on a dead handler. */
  ready: boolean;
  connections: ConnectionItem[] | undefined;
  setup: Record<Provider, ProviderSetup>;
  onConnect: (provider: Provider) => void;
  onSetup: (provider: Provider) => void;
};

/** Every provider Bastion connects: what it brings, how it connects, and this org's connections of it. */
export function ProviderCatalogue({ slug, canManage, ready, connections, setup, onConnect, onSetup }: Props) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Providers">
      {PROVIDERS.map((provider) => {
        const label = PROVIDER_LABELS[provider];
        const configured = setup[provider].configured;
        const methods = CONNECT_METHODS[provider];
        const usable = methods.filter((method) => !needsInstanceApp(method) || configured);
        const mine = (connections ?? []).filter((connection) => connection.provider === provider);
        return (
          <li
            key={provider}
            id={`provider-${provider}`}
            data-testid="provider-card"
            data-provider={provider}
            className="flex min-w-0 flex-col gap-4 rounded-xl border border-border bg-background p-5 shadow-xs"
          >
            <div className="flex items-start gap-3">
              <ProviderLogo provider={provider} />
              <div className="min-w-0">
                <h3 className="font-semibold leading-tight">{label}</h3>
                <p className="mt-1 text-sm text-muted-foreground">{PROVIDER_DESCRIPTIONS[provider]}</p>
              </div>
            </div>
            <div className="flex flex-wrap gap-1.5" aria-label={`${label} connect methods`}>
              {methods.map((method) => {
                const available = !needsInstanceApp(method) || configured;
                return (
                  <span
                    key={method.id}
                    title={available ? method.help : `${method.help} Needs the instance's ${provider === "github" ? "GitHub App" : "OAuth app"}: see the setup checklist.`}
                    data-testid="connect-method"
                    data-available={available}
                    className={
                      available
                        ? "rounded-full border border-border bg-muted px-2 py-0.5 text-xs"
                        : "rounded-full border border-dashed border-border px-2 py-0.5 text-xs text-muted-foreground line-through decoration-muted-foreground/50"
                    }
                  >
                    {method.label}
                  </span>
                );
              })}
            </div>
            <div className="flex flex-1 flex-col gap-1.5 text-sm">
              {connections === undefined ? (
                <span className="text-muted-foreground">Loading connections…</span>
              ) : mine.length === 0 ? (
                <span className="text-muted-foreground">Not connected</span>
              ) : (
                <ul className="flex flex-col gap-1.5" aria-label={`${label} connections`}>
                  {mine.slice(0, 3).map((connection) => {
                    const health = connectionHealth(connection);
                    return (
                      <li key={connection.id} className="flex min-w-0 items-center justify-between gap-2">
                        <Link href={`/orgs/${slug}/integrations/${connection.id}`} className="truncate font-medium underline-offset-4 hover:underline" title={connection.name}>
                          {connection.name}
                        </Link>
                        <StatusBadge tone={health.tone}>{health.label}</StatusBadge>
                      </li>
                    );
                  })}
                  {mine.length > 3 && <li className="text-muted-foreground">and {mine.length - 3} more below</li>}
                </ul>
              )}
            </div>
            <div className="flex flex-wrap items-center gap-2 border-t border-border pt-4">
              {canManage && usable.length > 0 && (
                <Button size="sm" variant={mine.length === 0 ? "default" : "outline"} disabled={!ready} onClick={() => onConnect(provider)}>
                  {mine.length === 0 ? `Connect ${label}` : "Add another"}
                </Button>
              )}
              {!configured && (
                <Button size="sm" variant={usable.length === 0 ? "default" : "ghost"} disabled={!ready} onClick={() => onSetup(provider)} data-testid="setup-button">
                  {usable.length === 0 ? `Set up ${label}` : provider === "github" ? "Set up the GitHub App" : "Set up OAuth"}
                </Button>
              )}
              {!canManage && usable.length > 0 && mine.length === 0 && <span className="text-xs text-muted-foreground">An admin can connect {label}.</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
