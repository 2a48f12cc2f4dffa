"use client";

import { CopyButton } from "@/components/ui/copy-button";
import type { ProviderSetup } from "@/lib/integrations/setup";
import type { Provider } from "@/lib/integrations/types";
import { PROVIDER_LABELS } from "./providers";

/**
 * What the operator does so a provider's OAuth (or the GitHub App) works on this instance:
 * register the app, give it these URLs and permissions, set these variables, restart.
 */
export function SetupChecklist({ provider, setup }: { provider: Provider; setup: ProviderSetup }) {
  const label = PROVIDER_LABELS[provider];
  const missing = setup.variables.filter((variable) => !variable.set).length;
  return (
    <ol className="flex flex-col gap-5 text-sm" data-testid="setup-checklist" aria-label={`${label} setup checklist`}>
      <Step n={1} title={`Register ${provider === "github" ? "a GitHub App" : provider === "slack" ? "a Slack app" : `an OAuth application at ${label}`}`}>
        <a href={setup.register.url} target="_blank" rel="noreferrer noopener" className="font-medium text-primary underline-offset-4 hover:underline">
          {setup.register.label} ↗
        </a>
        <p className="text-muted-foreground">{setup.permissions}.</p>
      </Step>
      <Step n={2} title="Give it these URLs">
        <ul className="flex flex-col gap-2">
          {setup.urls.map((url) => (
            <li key={url.label} className="flex flex-col gap-1">
              <span className="text-muted-foreground">{url.label}</span>
              <span className="flex min-w-0 items-center gap-2">
                <code className="min-w-0 flex-1 truncate rounded-md border border-border bg-muted px-2 py-1 font-mono text-xs" title={url.url} data-testid="setup-url">
                  {url.url}
                </code>
                <CopyButton value={url.url} label={`Copy ${url.label}`} />
              </span>
            </li>
          ))}
        </ul>
      </Step>
      <Step n={3} title={missing > 0 ? `Set these environment variables (${missing} missing)` : "Set these environment variables"}>
        <ul className="flex flex-col gap-1.5">
          {setup.variables.map((variable) => (
            <li key={variable.name} className="flex flex-wrap items-baseline gap-x-2" data-testid="setup-variable" data-set={variable.set}>
              <span aria-hidden className={variable.set ? "text-emerald-600 dark:text-emerald-400" : "text-muted-foreground"}>
                {variable.set ? "✓" : "○"}
              </span>
              <code className="font-mono text-xs font-semibold">{variable.name}</code>
              <span className="sr-only">{variable.set ? "(set)" : "(not set)"}</span>
              <span className="text-xs text-muted-foreground">{variable.hint}</span>
            </li>
          ))}
        </ul>
      </Step>
      <Step n={4} title="Restart Bastion">
        <p className="text-muted-foreground">The web process and the worker read the variables at start; {label} connect methods appear here afterwards.</p>
      </Step>
    </ol>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-3">
      <span aria-hidden className="flex size-6 shrink-0 items-center justify-center rounded-full border border-border bg-muted text-xs font-semibold">
        {n}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <p className="font-medium">{title}</p>
        {children}
      </div>
    </li>
  );
}
