"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Field, FieldError } from "@/components/auth/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { fieldErrors, formLevelMessage } from "@/components/ui/field-errors";
import { useToast } from "@/components/ui/toast";
import type { ApiError } from "@/lib/api-client";
import { apiKeyKeys, createApiKeyRequest } from "@/lib/api-keys/queries";
import { cn } from "@/lib/utils";

export type ScopeOption = { permission: string; description: string };
export type ScopePreset = { id: string; label: string; scopes: string[] };

const NAME_LIMIT = 100;

/** Creation form; the new key is shown here once, and never again. */
export function CreateApiKeyForm({ slug, scopes, presets }: { slug: string; scopes: ScopeOption[]; presets: ScopePreset[] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useMutation<{ key: string }, ApiError>({
    mutationFn: () => createApiKeyRequest(slug, { name: name.trim(), scopes: chosen, expiresAt: expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : null }),
    onSuccess: () => {
      toast({ title: "API key created", description: `Copy ${name.trim()} now: it is shown once.`, variant: "success" });
      setName("");
      setChosen([]);
      setExpiresOn("");
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(slug) });
    },
  });
  const errors = { ...fieldErrors(create.error), ...localErrors };
  const scopeError = errors.scopes ?? Object.entries(errors).find(([path]) => path.startsWith("scopes."))?.[1];
  const formMessage = formLevelMessage(create.error, ["name", "expiresAt", "scopes", ...chosen.map((_, index) => `scopes.${index}`)]);
  const resetErrors = () => {
    setLocalErrors({});
    if (create.error) create.reset();
  };
  const toggle = (permission: string) => {
    resetErrors();
    setChosen((current) => (current.includes(permission) ? current.filter((item) => item !== permission) : [...current, permission]));
  };
  const activePreset = presets.find((preset) => preset.scopes.length === chosen.length && preset.scopes.every((scope) => chosen.includes(scope)));
  const today = new Date().toLocaleDateString("en-CA");

  return (
    <div className="flex flex-col gap-4">
      {create.data && (
        <Alert variant="success">
          <p className="font-medium">Copy this key now: it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="new-api-key" className="min-w-0 break-all rounded bg-muted px-2 py-1 text-foreground">
              {create.data.key}
            </code>
            <CopyButton value={create.data.key} label="Copy the new API key" />
          </div>
        </Alert>
      )}
      <form
        className="flex flex-col gap-5"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problems: Record<string, string> = {};
          if (!name.trim()) problems.name = "Enter a name";
          else if (name.trim().length > NAME_LIMIT) problems.name = `Use at most ${NAME_LIMIT} characters (${name.trim().length} now)`;
          if (expiresOn && expiresOn <= today) problems.expiresAt = "Choose a date after today";
          if (chosen.length === 0) problems.scopes = "Choose at least one scope";
          setLocalErrors(problems);
          if (Object.keys(problems).length === 0) create.mutate();
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="api-key-name"
            label="Name"
            value={name}
            placeholder="CI deploys"
            hint="What uses the key, so you know what breaks if you revoke it."
            error={errors.name}
            onChange={(event) => {
              resetErrors();
              setName(event.target.value);
            }}
          />
          <Field
            id="api-key-expiry"
            label="Expires on (optional)"
            type="date"
            min={today}
            value={expiresOn}
            hint="The key stops working at the end of that day."
            error={errors.expiresAt}
            onChange={(event) => {
              resetErrors();
              setExpiresOn(event.target.value);
            }}
          />
        </div>
        <fieldset className="flex flex-col gap-3" aria-describedby={scopeError ? "api-key-scopes-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          <p className="-mt-1 text-xs text-muted-foreground">
            Only permissions an API key can use and that you hold. Members, SSO, billing changes and keys themselves are managed from the console only.
          </p>
          <div className="flex flex-wrap gap-2" role="group" aria-label="Presets">
            {presets.map((preset) => (
              <Button
                key={preset.id}
                type="button"
                size="sm"
                variant="outline"
                aria-pressed={activePreset?.id === preset.id}
                className={cn(activePreset?.id === preset.id && "border-primary bg-accent")}
                onClick={() => {
                  resetErrors();
                  setChosen(preset.scopes);
                }}
              >
                {preset.label}
              </Button>
            ))}
          </div>
          <div className="grid gap-2 sm:grid-cols-2">
            {scopes.map((scope) => (
              <label key={scope.permission} className="flex cursor-pointer items-start gap-2 rounded-md border border-border p-2 text-sm hover:bg-muted/40">
                <input type="checkbox" className="mt-1" checked={chosen.includes(scope.permission)} onChange={() => toggle(scope.permission)} aria-label={scope.permission} />
                <span className="min-w-0">
                  <code className="text-xs">{scope.permission}</code>
                  <span className="block text-xs text-muted-foreground">{scope.description}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="api-key-scopes-error" message={scopeError} />
        </fieldset>
        {formMessage && <Alert variant="error">{formMessage}</Alert>}
        <div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>
    </div>
  );
}
