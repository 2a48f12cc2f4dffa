"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Field } from "@/components/auth/field";
import { OrgNameFields } from "@/components/orgs/org-name-fields";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch, type ApiError } from "@/lib/api-client";

type Org = { name: string; slug: string; auditRetentionDays: number };

export function OrgSettingsForm({ org, canUpdate }: { org: Org; canUpdate: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState(org);
  const save = useMutation<Org, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${org.slug}`, { method: "PATCH", body: values }),
    onSuccess: (updated) => {
      toast({ title: "Settings saved", description: updated.slug !== org.slug ? `The console now lives at /orgs/${updated.slug}.` : undefined, variant: "success" });
      if (updated.slug !== org.slug) router.replace(`/orgs/${updated.slug}`);
      else router.refresh();
    },
  });
  const { errors, clear } = useFieldErrors(save.error);
  const set = <K extends keyof Org>(key: K, value: Org[K]) => {
    clear(key);
    setValues((current) => ({ ...current, [key]: value }));
  };
  return (
    <form
      className="flex max-w-xl flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <OrgNameFields
        idPrefix="settings"
        disabled={!canUpdate}
        values={values}
        errors={errors}
        onChange={(next, changed) => {
          changed.forEach(clear);
          setValues((current) => ({ ...current, ...next }));
        }}
      />
      <Field
        id="settings-retention"
        label="Keep audit events for (days)"
        type="number"
        min={30}
        max={3650}
        disabled={!canUpdate}
        error={errors.auditRetentionDays}
        value={Number.isNaN(values.auditRetentionDays) ? "" : values.auditRetentionDays}
        onChange={(event) => set("auditRetentionDays", event.target.value === "" ? Number.NaN : Number(event.target.value))}
      />
      <ApiErrorAlert error={save.error} fields={["name", "slug", "auditRetentionDays"]} />
      {canUpdate && (
        <Button type="submit" disabled={save.isPending} className="self-start">
          {save.isPending ? "Saving…" : "Save changes"}
        </Button>
      )}
    </form>
  );
}
