"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ApiError } from "@/lib/api-client";
import { ASYMMETRIC_ALGORITHMS } from "@/lib/trusted-issuers/algorithms";
import { createTrustedIssuerRequest, deleteTrustedIssuerRequest, fetchTrustedIssuers, trustedIssuerKeys, type TrustedIssuerItem } from "@/lib/trusted-issuers/queries";

type Mapping = "admin" | "billing" | "member" | "scopes";
const EMPTY = { issuer: "", audience: "", jwksUrl: "", algorithms: ["RS256"], mapping: "member" as Mapping, scopes: "", scopeClaim: "" };

/** Identity providers whose machine-to-machine JWTs the API accepts for this org. */
export function TrustedIssuersPanel({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const issuers = useQuery({ queryKey: trustedIssuerKeys.list(slug), queryFn: () => fetchTrustedIssuers(slug) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trustedIssuerKeys.list(slug) });
  const [form, setForm] = useState(EMPTY);
  const [removing, setRemoving] = useState<TrustedIssuerItem | null>(null);
  const create = useMutation<unknown, ApiError>({
    mutationFn: () =>
      createTrustedIssuerRequest(slug, {
        issuer: form.issuer.trim(),
        audience: form.audience.trim(),
        algorithms: form.algorithms,
        jwksUrl: form.jwksUrl.trim() || null,
        role: form.mapping === "scopes" ? null : form.mapping,
        scopes: form.mapping === "scopes" ? form.scopes.split(/[\s,]+/).filter(Boolean) : [],
        scopeClaim: form.scopeClaim.trim() || null,
      }),
    onSuccess: () => (setForm(EMPTY), void refresh()),
  });
  const remove = useMutation<unknown, ApiError, string>({ mutationFn: (id) => deleteTrustedIssuerRequest(slug, id), onSuccess: () => (setRemoving(null), void refresh()) });
  const toggleAlgorithm = (alg: string) =>
    setForm((current) => ({ ...current, algorithms: current.algorithms.includes(alg) ? current.algorithms.filter((item) => item !== alg) : [...current.algorithms, alg] }));

  return (
    <div className="flex flex-col gap-6" data-testid="trusted-issuers-panel">
      <ApiErrorAlert error={issuers.error ?? remove.error} />
      {issuers.data && issuers.data.items.length === 0 && <p className="text-sm text-muted-foreground">No trusted issuers yet.</p>}
      {issuers.data && issuers.data.items.length > 0 && (
        <ul className="flex flex-col gap-3 text-sm">
          {issuers.data.items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-border p-3" data-testid="trusted-issuer">
              <div className="flex min-w-0 flex-col gap-1">
                <code className="break-all text-foreground">{item.issuer}</code>
                <span className="text-muted-foreground">
                  audience <code>{item.audience}</code> · {item.algorithms.join(", ")} · {item.role ? `role ${item.role}` : `scopes ${item.scopes.join(", ")}`}
                  {item.scopeClaim ? ` narrowed by the “${item.scopeClaim}” claim` : ""}
                </span>
                <span className="text-muted-foreground">Last used: {item.lastUsedAt ? new Date(item.lastUsedAt).toLocaleString() : "never"}</span>
              </div>
              <Button size="sm" variant="ghost" type="button" onClick={() => setRemoving(item)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <Dialog title="Remove trusted issuer?" onClose={() => setRemoving(null)}>
          <p className="text-sm text-muted-foreground">Tokens from {removing.issuer} stop working at once.</p>
          <div className="mt-4 flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button type="button" variant="destructive" onClick={() => remove.mutate(removing.id)} disabled={remove.isPending}>
              Remove
            </Button>
          </div>
        </Dialog>
      )}

      <form
        className="flex max-w-xl flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="flex flex-col gap-2">
          <Label htmlFor="issuer-url">Issuer URL (the tokens&apos; iss)</Label>
          <Input id="issuer-url" required placeholder="https://your-tenant.auth0.com/" value={form.issuer} onChange={(event) => setForm({ ...form, issuer: event.target.value })} />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="issuer-audience">Audience (aud)</Label>
          <Input id="issuer-audience" required placeholder="https://api.example.com" value={form.audience} onChange={(event) => setForm({ ...form, audience: event.target.value })} />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="issuer-jwks">JWKS URL (optional: read from the issuer&apos;s discovery document)</Label>
          <Input id="issuer-jwks" placeholder="https://your-tenant.auth0.com/.well-known/jwks.json" value={form.jwksUrl} onChange={(event) => setForm({ ...form, jwksUrl: event.target.value })} />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Allowed algorithms (asymmetric only)</legend>
          <div className="flex flex-wrap gap-3">
            {ASYMMETRIC_ALGORITHMS.map((alg) => (
              <label key={alg} className="flex items-center gap-1 text-sm">
                <input type="checkbox" checked={form.algorithms.includes(alg)} onChange={() => toggleAlgorithm(alg)} aria-label={alg} />
                {alg}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-col gap-2">
          <Label htmlFor="issuer-mapping">Tokens act with</Label>
          <select
            id="issuer-mapping"
            className="h-9 rounded-md border border-border bg-background px-2 text-sm"
            value={form.mapping}
            onChange={(event) => setForm({ ...form, mapping: event.target.value as Mapping })}
          >
            <option value="member">the member role&apos;s permissions</option>
            <option value="billing">the billing role&apos;s permissions</option>
            <option value="admin">the admin role&apos;s permissions</option>
            <option value="scopes">these scopes…</option>
          </select>
        </div>
        {form.mapping === "scopes" && (
          <div className="flex flex-col gap-2">
            <Label htmlFor="issuer-scopes">Scopes (space or comma separated)</Label>
            <Input id="issuer-scopes" required placeholder="org:read secrets:read" value={form.scopes} onChange={(event) => setForm({ ...form, scopes: event.target.value })} />
          </div>
        )}
        <div className="flex flex-col gap-2">
          <Label htmlFor="issuer-scope-claim">Narrow by claim (optional, e.g. scope or scp)</Label>
          <Input id="issuer-scope-claim" value={form.scopeClaim} onChange={(event) => setForm({ ...form, scopeClaim: event.target.value })} />
        </div>
        <p className="text-xs text-muted-foreground">Permissions never exceed your own, and follow your role if it changes later.</p>
        <ApiErrorAlert error={create.error} />
        <div>
          <Button type="submit" disabled={create.isPending || form.algorithms.length === 0}>
            Add issuer
          </Button>
        </div>
      </form>
    </div>
  );
}
