"use client";

// "Require two-factor authentication for members": members who have not set it up when
// the grace period ends lose access to the org (pages and API; API keys are unaffected),
// and SSO sign-ins can count when the IdP asserts MFA (amr / acr values listed here).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FieldError } from "@/components/auth/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchMfaPolicy, orgKeys, type MfaPolicy } from "@/lib/orgs/queries";

type Form = { required: boolean; graceDays: string; ssoSatisfies: boolean; ssoAcceptedValues: string };

const day = (iso: string) => new Date(iso).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

function toForm(policy: MfaPolicy): Form {
  return { required: policy.required, graceDays: String(policy.graceDays), ssoSatisfies: policy.ssoSatisfies, ssoAcceptedValues: policy.ssoAcceptedValues.join("\n") };
}

export function MfaPolicyPanel({ slug, canUpdate }: { slug: string; canUpdate: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const policy = useQuery({ queryKey: orgKeys.mfaPolicy(slug), queryFn: () => fetchMfaPolicy(slug) });
  const [edited, setEdited] = useState<Form | null>(null);
  const save = useMutation<{ mfaPolicy: MfaPolicy }, ApiError, Form>({
    mutationFn: (form) =>
      apiFetch(`/api/v1/orgs/${slug}/mfa-policy`, {
        method: "PATCH",
        body: {
          required: form.required,
          graceDays: Number(form.graceDays),
          ssoSatisfies: form.ssoSatisfies,
          ssoAcceptedValues: form.ssoAcceptedValues.split("\n").map((value) => value.trim()).filter(Boolean),
        },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(orgKeys.mfaPolicy(slug), data);
      setEdited(null);
      toast({ title: "Two-factor requirement saved" });
    },
  });
  const { errors, clear } = useFieldErrors(save.error);
  const saved = policy.data?.mfaPolicy;
  if (!saved) return policy.error ? <Alert variant="error">{(policy.error as ApiError).message}</Alert> : null;
  const form = edited ?? toForm(saved);
  const set = (next: Partial<Form>) => setEdited({ ...form, ...next });

  return (
    <form
      className="flex max-w-xl flex-col gap-4"
      aria-label="Two-factor requirement"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(form);
      }}
    >
      {saved.required && saved.graceEndsAt ? (
        <p className="text-sm text-muted-foreground" data-testid="mfa-policy-status">
          Required since {day(saved.requiredSince!)}.{" "}
          {Date.parse(saved.graceEndsAt) > Date.now()
            ? `Members without two-factor authentication keep access until ${day(saved.graceEndsAt)}.`
            : "Members without two-factor authentication are refused; the members list shows who has it."}
        </p>
      ) : null}
      <fieldset className="flex flex-col gap-4" disabled={!canUpdate || save.isPending}>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5" checked={form.required} onChange={(event) => set({ required: event.target.checked })} />
          <span>
            <span className="font-medium">Require two-factor authentication for members</span>
            <span className="block text-muted-foreground">Pages and API calls of members without it are refused. API keys, SCIM and trusted-issuer tokens are not affected.</span>
          </span>
        </label>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="mfa-grace-days">Grace period (days)</Label>
          <Input
            id="mfa-grace-days"
            type="number"
            min={0}
            max={90}
            className="w-28"
            value={form.graceDays}
            aria-invalid={errors.graceDays ? true : undefined}
            onChange={(event) => {
              clear("graceDays");
              set({ graceDays: event.target.value });
            }}
          />
          <p className="text-xs text-muted-foreground">Counted from the day the requirement is turned on; a banner reminds members until then.</p>
          <FieldError id="mfa-grace-days-error" message={errors.graceDays} />
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5" checked={form.ssoSatisfies} onChange={(event) => set({ ssoSatisfies: event.target.checked })} />
          <span>
            <span className="font-medium">SSO sign-ins satisfy it when the IdP asserts MFA</span>
            <span className="block text-muted-foreground">Through this organization&apos;s OIDC or SAML connection, with one of the values below as OIDC amr / acr or SAML AuthnContextClassRef.</span>
          </span>
        </label>
        {form.ssoSatisfies ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="mfa-sso-values">Accepted amr / acr values (one per line)</Label>
            <textarea
              id="mfa-sso-values"
              rows={5}
              className="rounded-md border border-border bg-background p-2 font-mono text-xs"
              value={form.ssoAcceptedValues}
              aria-invalid={errors.ssoAcceptedValues ? true : undefined}
              onChange={(event) => {
                clear("ssoAcceptedValues");
                set({ ssoAcceptedValues: event.target.value });
              }}
            />
            <FieldError id="mfa-sso-values-error" message={errors.ssoAcceptedValues} />
          </div>
        ) : null}
      </fieldset>
      {save.error && !Object.keys(errors).length ? <Alert variant="error">{save.error.message}</Alert> : null}
      {canUpdate ? (
        <div>
          <Button type="submit" disabled={save.isPending || edited === null}>
            Save two-factor requirement
          </Button>
        </div>
      ) : (
        <p className="text-xs text-muted-foreground">Owners and admins can change this.</p>
      )}
    </form>
  );
}
