"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/auth/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldErrors, formLevelMessage } from "@/components/ui/field-errors";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { OAuthAvailability } from "@/lib/integrations/queries";
import { useConnect, useStartOAuth } from "@/lib/integrations/query-hooks";
import type { Provider } from "@/lib/integrations/types";
import { Dialog } from "@/components/ui/dialog";
import { CONNECT_METHODS, connectBody, needsInstanceApp, PROVIDER_LABELS, type ConnectMethod, type FieldName } from "./providers";

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
  const usable = methods.filter((method) => !needsInstanceApp(method) || oauth[provider]);
  const [methodId, setMethodId] = useState(usable[0]?.id ?? "");
  const [values, setValues] = useState<Partial<Record<FieldName, string>>>({});
  const [name, setName] = useState("");
  const connect = useConnect(slug);
  const startOAuth = useStartOAuth(slug);
  const method: ConnectMethod | undefined = usable.find((candidate) => candidate.id === methodId);
  const label = PROVIDER_LABELS[provider];
  // The API's refusals next to their fields; a field edited since the refusal drops its message.
  const error = connect.error ?? startOAuth.error;
  const [edited, setEdited] = useState<string[]>([]);
  const byField = fieldErrors(error);
  const errorOf = (field: string) => (edited.includes(field) ? undefined : byField[field]);
  const placed = ["name", "baseUrl", ...(method?.kind === "form" ? method.fields.map((field) => field.name) : [])];
  const formMessage = formLevelMessage(error, placed);
  const edit = (field: string) => setEdited((current) => (current.includes(field) ? current : [...current, field]));
  const chooseMethod = (id: string) => {
    setMethodId(id);
    connect.reset();
    startOAuth.reset();
  };

  return (
    <Dialog title={`Connect ${label}`} onClose={onClose}>
      <form
        className="flex flex-col gap-4"
        aria-label={`Connect ${label}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (!method) return;
          setEdited([]);
          if (method.kind === "oauth") {
            startOAuth.mutate({ provider, ...(values.baseUrl?.trim() ? { baseUrl: values.baseUrl.trim() } : {}), ...(name.trim() ? { name: name.trim() } : {}) });
            return;
          }
          connect.mutate(connectBody(provider, method, values, name), {
            onSuccess: ({ connection }) => router.push(`/orgs/${slug}/integrations/${connection.id}`),
          });
        }}
      >
        {usable.length === 0 && <p className="text-sm text-muted-foreground">{label} is not configured on this instance: see its setup checklist in the catalogue.</p>}
        {usable.length > 1 && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Method</legend>
            {usable.map((candidate) => (
              <label key={candidate.id} className="flex items-start gap-2 text-sm">
                <input type="radio" name="method" className="mt-1" value={candidate.id} checked={candidate.id === methodId} disabled={!hydrated} onChange={() => chooseMethod(candidate.id)} />
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
          <Field
            id="connection-name"
            label="Name (optional)"
            value={name}
            onChange={(event) => (setName(event.target.value), edit("name"))}
            maxLength={100}
            placeholder={`${label} of ${slug}`}
            error={errorOf("name")}
          />
        )}
        {method?.kind === "form" &&
          method.fields.map((field) => (
            <Field
              key={`${method.id}-${field.name}`}
              id={`connect-${field.name}`}
              label={`${field.label}${field.required ? "" : " (optional)"}`}
              type={field.type}
              required={field.required}
              placeholder={field.placeholder}
              autoComplete="off"
              value={values[field.name] ?? ""}
              onChange={(event) => (setValues({ ...values, [field.name]: event.target.value }), edit(field.name))}
              error={errorOf(field.name)}
            />
          ))}
        {method?.kind === "oauth" && method.askBaseUrl && (
          <Field
            id="connect-oauth-base-url"
            label={`${label} URL (optional)`}
            type="url"
            placeholder="https://gitlab.example.com"
            value={values.baseUrl ?? ""}
            onChange={(event) => (setValues({ ...values, baseUrl: event.target.value }), edit("baseUrl"))}
            error={errorOf("baseUrl")}
          />
        )}
        {formMessage && <Alert variant="error">{formMessage}</Alert>}
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
