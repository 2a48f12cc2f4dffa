"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { OAuthAvailability } from "@/lib/integrations/queries";
import { useConnect, useStartOAuth } from "@/lib/integrations/query-hooks";
import type { Provider } from "@/lib/integrations/types";
import { Dialog } from "@/components/ui/dialog";
import { CONNECT_METHODS, connectBody, PROVIDER_LABELS, type ConnectMethod, type FieldName } from "./providers";

/**
 * Connecting one provider: pick a method, fill its fields (or go through the provider's
 * OAuth). A token connect lands on the new connection's page, which shows the webhook
 * secret once.
 */
export function ConnectDialog({ slug, provider, oauth, onClose }: { slug: string; provider: Provider; oauth: OAuthAvailability; onClose: () => void }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const methods = CONNECT_METHODS[provider];
  // OAuth, and GitHub App installs, need this instance's app settings (the list says which are set).
  const usable = methods.filter((method) => (method.kind === "form" && method.method !== "app") || oauth[provider]);
  const [methodId, setMethodId] = useState(usable[0]?.id ?? "");
  const [values, setValues] = useState<Partial<Record<FieldName, string>>>({});
  const [name, setName] = useState("");
  const connect = useConnect(slug);
  const startOAuth = useStartOAuth(slug);
  const method: ConnectMethod | undefined = usable.find((candidate) => candidate.id === methodId);
  const label = PROVIDER_LABELS[provider];

  return (
    <Dialog title={`Connect ${label}`} onClose={onClose}>
      <form
        className="flex flex-col gap-4"
        aria-label={`Connect ${label}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (!method) return;
          if (method.kind === "oauth") {
            startOAuth.mutate({ provider, ...(values.baseUrl?.trim() ? { baseUrl: values.baseUrl.trim() } : {}), ...(name.trim() ? { name: name.trim() } : {}) });
            return;
          }
          connect.mutate(connectBody(provider, method, values, name), {
            onSuccess: ({ connection }) => router.push(`/orgs/${slug}/integrations/${connection.id}`),
          });
        }}
      >
        {usable.length === 0 && <p className="text-sm text-muted-foreground">{label} is not configured on this instance (its OAuth app settings are missing).</p>}
        {usable.length > 1 && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Method</legend>
            {usable.map((candidate) => (
              <label key={candidate.id} className="flex items-start gap-2 text-sm">
                <input type="radio" name="method" className="mt-1" value={candidate.id} checked={candidate.id === methodId} disabled={!hydrated} onChange={() => setMethodId(candidate.id)} />
                <span>
                  <span className="font-medium">{candidate.label}</span>
                  <span className="block text-muted-foreground">{candidate.help}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {usable.length === 1 && method && <p className="text-sm text-muted-foreground">{method.help}</p>}
        {method && (
          <div className="flex flex-col gap-1">
            <Label htmlFor="connection-name">Name (optional)</Label>
            <Input id="connection-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} placeholder={`${label} of ${slug}`} />
          </div>
        )}
        {method?.kind === "form" &&
          method.fields.map((field) => (
            <div key={`${method.id}-${field.name}`} className="flex flex-col gap-1">
              <Label htmlFor={`connect-${field.name}`}>{field.label}{field.required ? "" : " (optional)"}</Label>
              <Input
                id={`connect-${field.name}`}
                type={field.type}
                required={field.required}
                placeholder={field.placeholder}
                autoComplete="off"
                value={values[field.name] ?? ""}
                onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
              />
            </div>
          ))}
        {method?.kind === "oauth" && method.askBaseUrl && (
          <div className="flex flex-col gap-1">
            <Label htmlFor="connect-oauth-base-url">{label} URL (optional)</Label>
            <Input id="connect-oauth-base-url" type="url" placeholder="https://gitlab.example.com" value={values.baseUrl ?? ""} onChange={(event) => setValues({ ...values, baseUrl: event.target.value })} />
          </div>
        )}
        <ApiErrorAlert error={connect.error ?? startOAuth.error} />
        <div className="flex gap-2">
          {method && (
            <Button type="submit" disabled={connect.isPending || startOAuth.isPending}>
              {method.kind === "oauth" ? `Continue to ${label}` : connect.isPending ? "Checking…" : `Connect ${label}`}
            </Button>
          )}
          <Button type="button" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
