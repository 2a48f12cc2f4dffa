"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Field } from "@/components/auth/field";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchSso, orgKeys } from "@/lib/orgs/queries";

type SsoForm = { issuer: string; clientId: string; clientSecret: string; enforceForDomains: boolean };

/** The org's own OpenID Connect provider. The client secret is write-only: never shown again. */
export function SsoPanel({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const confirm = useConfirm();
  const sso = useQuery({ queryKey: orgKeys.sso(slug), queryFn: () => fetchSso(slug) });
  const [form, setForm] = useState<SsoForm>({ issuer: "", clientId: "", clientSecret: "", enforceForDomains: false });
  useEffect(() => {
    const saved = sso.data?.sso;
    if (saved) setForm({ issuer: saved.issuer, clientId: saved.clientId, clientSecret: "", enforceForDomains: saved.enforceForDomains });
  }, [sso.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.sso(slug) });
  const save = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/sso`, { method: "PUT", body: { ...form, clientSecret: form.clientSecret || undefined } }),
    onSuccess: () => {
      toast({ title: "Single sign-on saved", variant: "success" });
      void refresh();
    },
  });
  const remove = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/sso`, { method: "DELETE" }),
    onSuccess: () => {
      toast({ title: "Single sign-on removed", description: "Members sign in with their own methods again.", variant: "success" });
      setForm({ issuer: "", clientId: "", clientSecret: "", enforceForDomains: false });
      void refresh();
    },
  });
  const { errors, clear } = useFieldErrors(save.error);
  const saved = sso.data?.sso;
  const set = <K extends keyof SsoForm>(key: K, value: SsoForm[K]) => {
    clear(key);
    setForm((current) => ({ ...current, [key]: value }));
  };

  async function confirmRemove() {
    const confirmed = await confirm({
      title: "Remove single sign-on?",
      description: "Members can no longer sign in through your identity provider, and SSO is no longer required for your domains.",
      confirmLabel: "Remove SSO",
    });
    if (confirmed) remove.mutate();
  }

  if (sso.isPending) return <SkeletonRows rows={3} label="Loading single sign-on" />;
  return (
    <form
      className="flex max-w-xl flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      {sso.data?.callbackUrl || saved?.callbackUrl ? (
        <div className="flex flex-col gap-1.5 rounded-md border border-border bg-muted px-3 py-2 text-sm">
          <span className="font-medium">Redirect URI</span>
          <span className="text-xs text-muted-foreground">Register it at your identity provider as the client&apos;s redirect (callback) URI.</span>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 break-all text-foreground" data-testid="sso-redirect-uri">
              {sso.data?.callbackUrl ?? saved?.callbackUrl}
            </code>
            <CopyButton value={(sso.data?.callbackUrl ?? saved?.callbackUrl)!} label="Copy the redirect URI" />
          </div>
        </div>
      ) : null}
      <Field id="sso-issuer" label="Issuer URL" required placeholder="https://idp.example.com/realms/main" error={errors.issuer} value={form.issuer} onChange={(event) => set("issuer", event.target.value)} />
      <Field id="sso-client-id" label="Client ID" required error={errors.clientId} value={form.clientId} onChange={(event) => set("clientId", event.target.value)} />
      <Field
        id="sso-client-secret"
        label="Client secret"
        type="password"
        autoComplete="off"
        required={!saved?.hasClientSecret}
        placeholder={saved?.hasClientSecret ? "Saved; leave empty to keep it" : ""}
        error={errors.clientSecret}
        value={form.clientSecret}
        onChange={(event) => set("clientSecret", event.target.value)}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.enforceForDomains} onChange={(event) => set("enforceForDomains", event.target.checked)} />
        Require SSO for members with an email on our verified domains
      </label>
      <ApiErrorAlert error={save.error ?? remove.error} fields={["issuer", "clientId", "clientSecret"]} />
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        {saved && (
          <Button type="button" variant="ghost" onClick={() => void confirmRemove()}>
            Remove SSO
          </Button>
        )}
      </div>
    </form>
  );
}
