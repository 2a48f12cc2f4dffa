"use client";

// The org's SAML identity provider: IdP metadata (XML or URL) or entity id, SSO URL and
// certificate(s) in; the service provider details to give the IdP out, with copy buttons.
// Okta and Entra want the ACS URL and entity id before they give their metadata, so
// "Start SAML setup" creates a draft connection (SP details only, disabled) first.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { orgKeys } from "@/lib/orgs/queries";

type SamlView = {
  /** False for a draft: SP details exist, the IdP's metadata is still to be saved. */
  configured: boolean;
  idpEntityId: string | null;
  idpSsoUrl: string | null;
  idpCertificates: { subject: string; notAfter: string; fingerprint256: string }[];
  requireEncryptedAssertions: boolean;
  allowUnverifiedDomains: boolean;
  enforceForDomains: boolean;
  enabled: boolean;
  sp: { entityId: string; acsUrl: string; metadataUrl: string; certificate: string };
};

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={value} className="font-mono text-xs" />
        <CopyButton value={value} label={`Copy ${label}`} />
      </div>
    </div>
  );
}

export function SamlPanel({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const saml = useQuery({ queryKey: orgKeys.saml(slug), queryFn: () => apiFetch<{ saml: SamlView | null }>(`/api/v1/orgs/${slug}/sso/saml`) });
  const saved = saml.data?.saml ?? null;
  const [form, setForm] = useState({ metadataXml: "", metadataUrl: "", requireEncryptedAssertions: false, allowUnverifiedDomains: false, enforceForDomains: false, enabled: true });
  const [loadedFrom, setLoadedFrom] = useState<SamlView | null>(null);
  if (saved && saved !== loadedFrom) {
    setLoadedFrom(saved);
    setForm({ ...form, requireEncryptedAssertions: saved.requireEncryptedAssertions, allowUnverifiedDomains: saved.allowUnverifiedDomains, enforceForDomains: saved.enforceForDomains, enabled: saved.enabled });
  }
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.saml(slug) });
  const draft = saved !== null && !saved.configured;
  const save = useMutation<unknown, ApiError>({
    mutationFn: () =>
      apiFetch(`/api/v1/orgs/${slug}/sso/saml`, {
        method: "PUT",
        body: {
          ...form,
          metadataXml: form.metadataXml.trim() || undefined,
          metadataUrl: form.metadataUrl.trim() || undefined,
          // A draft turns on when its metadata arrives (the server decides), not from a hidden checkbox.
          enabled: draft ? undefined : form.enabled,
        },
      }),
    onSuccess: () => {
      setForm({ ...form, metadataXml: "", metadataUrl: "" });
      return refresh();
    },
  });
  // No IdP fields: the server creates the draft and answers with the SP details.
  const start = useMutation<unknown, ApiError>({ mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/sso/saml`, { method: "PUT", body: {} }), onSuccess: refresh });
  const remove = useMutation<unknown, ApiError>({ mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/sso/saml`, { method: "DELETE" }), onSuccess: refresh });
  const removeConfirmed = async () => {
    const confirmed = await confirm({
      title: "Remove SAML?",
      description: "Members stop signing in through your SAML identity provider, and everyone who signed in through it is signed out.",
      confirmLabel: "Remove SAML",
    });
    if (confirmed) remove.mutate();
  };
  const check = (name: "requireEncryptedAssertions" | "allowUnverifiedDomains" | "enforceForDomains" | "enabled", label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={form[name]} onChange={(event) => setForm({ ...form, [name]: event.target.checked })} />
      {label}
    </label>
  );

  return (
    <div className="flex max-w-xl flex-col gap-6">
      {saml.isSuccess && !saved && (
        <section className="flex flex-col items-start gap-3 rounded-md border border-border bg-background p-4" aria-label="Start SAML setup">
          <p className="text-sm text-muted-foreground">
            Your identity provider (Okta, Entra ID, Google Workspace…) asks for Bastion&apos;s ACS URL and entity ID before it gives you its metadata. Start here to get
            them, then paste the IdP&apos;s metadata below. If you already have the metadata, paste it below directly.
          </p>
          <Button type="button" disabled={start.isPending} onClick={() => start.mutate()}>
            Start SAML setup
          </Button>
        </section>
      )}
      {saved && (
        <section className="flex flex-col gap-3 rounded-md border border-border bg-background p-4" aria-label="Service provider details">
          <p className="text-sm text-muted-foreground">
            {draft
              ? "Step 1: create a SAML app in your identity provider with these details (or let it import the metadata URL). Step 2: paste the metadata it gives you below. SAML stays off until then."
              : "Give these to your identity provider (or let it import the metadata URL)."}
          </p>
          <CopyField id="saml-sp-entity-id" label="SP entity ID" value={saved.sp.entityId} />
          <CopyField id="saml-sp-acs-url" label="ACS URL" value={saved.sp.acsUrl} />
          <CopyField id="saml-sp-metadata-url" label="Metadata URL" value={saved.sp.metadataUrl} />
          <div className="flex flex-col gap-1">
            <Label htmlFor="saml-sp-certificate">Signing and encryption certificate</Label>
            <textarea id="saml-sp-certificate" readOnly rows={4} value={saved.sp.certificate} className="rounded-md border border-border bg-background p-2 font-mono text-xs" />
          </div>
          {draft ? (
            <p className="text-xs text-muted-foreground" data-testid="saml-draft-status">
              Waiting for the identity provider&apos;s metadata.
            </p>
          ) : (
            <p className="text-xs text-muted-foreground">
              IdP: <span className="text-foreground">{saved.idpEntityId}</span>, {saved.idpCertificates.length} certificate(s), valid until{" "}
              {saved.idpCertificates.map((cert) => cert.notAfter.slice(0, 10)).join(" and ")}.
            </p>
          )}
        </section>
      )}
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <div className="flex flex-col gap-2">
          <Label htmlFor="saml-metadata-url">IdP metadata URL</Label>
          <Input id="saml-metadata-url" placeholder="https://idp.example.com/saml/metadata" value={form.metadataUrl} onChange={(event) => setForm({ ...form, metadataUrl: event.target.value })} />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="saml-metadata-xml">or IdP metadata XML</Label>
          <textarea
            id="saml-metadata-xml"
            rows={5}
            className="rounded-md border border-border bg-background p-2 font-mono text-xs"
            placeholder={saved?.configured ? "Leave empty to keep the current IdP settings" : "<md:EntityDescriptor …>"}
            value={form.metadataXml}
            onChange={(event) => setForm({ ...form, metadataXml: event.target.value })}
          />
        </div>
        {!draft && check("enabled", "Enabled (turning it off signs out everyone who signed in through it)")}
        {check("enforceForDomains", "Require SSO for members with an email on our verified domains")}
        {check("requireEncryptedAssertions", "Require encrypted assertions")}
        {check("allowUnverifiedDomains", "Accept emails outside our verified domains (new accounts only)")}
        {(save.error ?? start.error ?? remove.error) && <Alert variant="error">{(save.error ?? start.error ?? remove.error)!.message}</Alert>}
        {save.isSuccess && <Alert variant="success">SAML settings saved.</Alert>}
        <div className="flex gap-2">
          <Button type="submit" disabled={save.isPending}>
            Save SAML
          </Button>
          {saved && (
            <Button type="button" variant="ghost" onClick={() => void removeConfirmed()}>
              Remove SAML
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
