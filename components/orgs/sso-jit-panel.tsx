"use client";

// Just-in-time membership for sign-ins through the org's IdP (OIDC or SAML): the role a
// first sign-in gets, and IdP groups mapped to roles at every sign-in (first match wins).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { orgKeys } from "@/lib/orgs/queries";

type JitRole = "admin" | "member" | "billing";
type Jit = { defaultRole: JitRole | null; groupsClaim: string; roleMappings: { group: string; role: JitRole }[] };
const ROLES: JitRole[] = ["member", "admin", "billing"];
const selectClass = "h-9 rounded-md border border-border bg-background px-2 text-sm";

export function SsoJitPanel({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const jit = useQuery({ queryKey: orgKeys.ssoJit(slug), queryFn: () => apiFetch<{ jit: Jit }>(`/api/v1/orgs/${slug}/sso/jit`) });
  const [form, setForm] = useState<Jit | null>(null);
  const current = form ?? jit.data?.jit ?? null;
  const save = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/sso/jit`, { method: "PUT", body: current! }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.ssoJit(slug) }),
  });
  if (!current) return null;
  const set = (next: Partial<Jit>) => setForm({ ...current, ...next });

  return (
    <form
      className="flex max-w-xl flex-col gap-4"
      aria-label="Just-in-time membership"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="jit-default-role">Role of new members signing in through SSO</Label>
        <select id="jit-default-role" className={selectClass} value={current.defaultRole ?? ""} onChange={(event) => set({ defaultRole: (event.target.value || null) as JitRole | null })}>
          <option value="">No membership (an invitation is needed)</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="jit-groups-claim">Groups claim or attribute</Label>
        <Input id="jit-groups-claim" value={current.groupsClaim} onChange={(event) => set({ groupsClaim: event.target.value })} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Group to role mappings (first match wins, applied at every sign-in; owners are never changed)</legend>
        {current.roleMappings.map((mapping, index) => (
          <div key={index} className="flex gap-2">
            <Input
              aria-label={`Group ${index + 1}`}
              value={mapping.group}
              onChange={(event) => set({ roleMappings: current.roleMappings.map((m, i) => (i === index ? { ...m, group: event.target.value } : m)) })}
            />
            <select
              aria-label={`Role for group ${index + 1}`}
              className={selectClass}
              value={mapping.role}
              onChange={(event) => set({ roleMappings: current.roleMappings.map((m, i) => (i === index ? { ...m, role: event.target.value as JitRole } : m)) })}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
            <Button type="button" variant="ghost" size="sm" onClick={() => set({ roleMappings: current.roleMappings.filter((_, i) => i !== index) })}>
              Remove
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => set({ roleMappings: [...current.roleMappings, { group: "", role: "member" }] })}>
            Add mapping
          </Button>
        </div>
      </fieldset>
      {save.error && <Alert variant="error">{save.error.message}</Alert>}
      {save.isSuccess && <Alert variant="success">Membership settings saved.</Alert>}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Save membership settings
        </Button>
      </div>
    </form>
  );
}
