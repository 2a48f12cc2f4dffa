"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchSso, orgKeys } from "@/lib/orgs/queries";

/** The org's own OpenID Connect provider. The client secret is write-only: never shown again. */
export function SsoPanel({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const sso = useQuery({ queryKey: orgKeys.sso(slug), queryFn: () => fetchSso(slug) });
  const [form, setForm] = useState({ issuer: "", clientId: "", clientSecret: "", enforceForDomains: false });
  useEffect(() => {
    const saved = sso.data?.sso;
    if (saved) setForm({ issuer: saved.issuer, clientId: saved.clientId, clientSecret: "", enforceForDomains: saved.enforceForDomains });
  }, [sso.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.sso(slug) });
  const save = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/sso`, { method: "PUT", body: { ...form, clientSecret: form.clientSecret || undefined } }),
    onSuccess: refresh,
  });
  const remove = useMutation<unknown, ApiError>({ mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/sso`, { method: "DELETE" }), onSuccess: refresh });
  const saved = sso.data?.sso;

  return (
    <form
      className="flex max-w-md flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="sso-issuer">Issuer URL</Label>
        <Input id="sso-issuer" required placeholder="https://idp.example.com/realms/main" value={form.issuer} onChange={(event) => setForm({ ...form, issuer: event.target.value })} />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="sso-client-id">Client ID</Label>
        <Input id="sso-client-id" required value={form.clientId} onChange={(event) => setForm({ ...form, clientId: event.target.value })} />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="sso-client-secret">Client secret</Label>
        <Input
          id="sso-client-secret"
          type="password"
          autoComplete="off"
          required={!saved?.hasClientSecret}
          placeholder={saved?.hasClientSecret ? "Saved; leave empty to keep it" : ""}
          value={form.clientSecret}
          onChange={(event) => setForm({ ...form, clientSecret: event.target.value })}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.enforceForDomains} onChange={(event) => setForm({ ...form, enforceForDomains: event.target.checked })} />
        Require SSO for members with an email on our verified domains
      </label>
      {saved?.callbackUrl && (
        <p className="text-xs text-muted-foreground">
          Register this redirect URI at your identity provider: <code className="break-all text-foreground">{saved.callbackUrl}</code>
        </p>
      )}
      {(save.error ?? remove.error) && <Alert variant="error">{(save.error ?? remove.error)!.message}</Alert>}
      {save.isSuccess && <Alert variant="success">Single sign-on saved.</Alert>}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          Save
        </Button>
        {saved && (
          <Button type="button" variant="ghost" onClick={() => remove.mutate()}>
            Remove SSO
          </Button>
        )}
      </div>
    </form>
  );
}
