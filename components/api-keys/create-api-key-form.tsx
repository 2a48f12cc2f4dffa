"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ApiError } from "@/lib/api-client";
import { apiKeyKeys, createApiKeyRequest } from "@/lib/api-keys/queries";

export type ScopeOption = { permission: string; description: string };

/** Creation form; the new key is shown here once, and never again. */
export function CreateApiKeyForm({ slug, scopes }: { slug: string; scopes: ScopeOption[] }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState("");
  const [copied, setCopied] = useState(false);
  const create = useMutation<{ key: string }, ApiError>({
    mutationFn: () => createApiKeyRequest(slug, { name, scopes: chosen, expiresAt: expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : null }),
    onSuccess: () => {
      setName("");
      setChosen([]);
      setExpiresOn("");
      setCopied(false);
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(slug) });
    },
  });
  const toggle = (permission: string) => setChosen((current) => (current.includes(permission) ? current.filter((item) => item !== permission) : [...current, permission]));

  return (
    <div className="flex flex-col gap-4">
      {create.data && (
        <Alert variant="success">
          <p className="font-medium">Copy this key now: it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="new-api-key" className="break-all rounded bg-muted px-2 py-1 text-foreground">
              {create.data.key}
            </code>
            <Button
              size="sm"
              variant="outline"
              type="button"
              onClick={() => void navigator.clipboard?.writeText(create.data.key).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </Alert>
      )}
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-2">
            <Label htmlFor="api-key-name">Name</Label>
            <Input id="api-key-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="CI deploys" required maxLength={100} />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="api-key-expiry">Expires on (optional)</Label>
            <Input id="api-key-expiry" type="date" value={expiresOn} onChange={(event) => setExpiresOn(event.target.value)} />
          </div>
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">Scopes (only permissions you hold)</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {scopes.map((scope) => (
              <label key={scope.permission} className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={chosen.includes(scope.permission)} onChange={() => toggle(scope.permission)} aria-label={scope.permission} />
                <span>
                  <code>{scope.permission}</code>
                  <span className="block text-muted-foreground">{scope.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <ApiErrorAlert error={create.error} />
        <div>
          <Button type="submit" disabled={create.isPending || chosen.length === 0}>
            Create key
          </Button>
        </div>
      </form>
    </div>
  );
}
