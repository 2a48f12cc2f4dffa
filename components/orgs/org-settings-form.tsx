"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch, type ApiError } from "@/lib/api-client";

type Org = { name: string; slug: string; auditRetentionDays: number };

export function OrgSettingsForm({ org, canUpdate }: { org: Org; canUpdate: boolean }) {
  const router = useRouter();
  const [values, setValues] = useState(org);
  const save = useMutation<Org, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${org.slug}`, { method: "PATCH", body: values }),
    onSuccess: (updated) => (updated.slug !== org.slug ? router.replace(`/orgs/${updated.slug}`) : router.refresh()),
  });
  return (
    <form
      className="flex max-w-md flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="settings-name">Name</Label>
        <Input id="settings-name" disabled={!canUpdate} value={values.name} onChange={(event) => setValues({ ...values, name: event.target.value })} />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="settings-slug">URL name</Label>
        <Input id="settings-slug" disabled={!canUpdate} value={values.slug} onChange={(event) => setValues({ ...values, slug: event.target.value })} />
        <p className="text-xs text-muted-foreground">Old links keep working for 30 days after a change.</p>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="settings-retention">Keep audit events for (days)</Label>
        <Input
          id="settings-retention"
          type="number"
          min={30}
          max={3650}
          disabled={!canUpdate}
          value={values.auditRetentionDays}
          onChange={(event) => setValues({ ...values, auditRetentionDays: Number(event.target.value) })}
        />
      </div>
      {save.error && <Alert variant="error">{save.error.message}</Alert>}
      {save.isSuccess && <Alert variant="success">Saved.</Alert>}
      {canUpdate && (
        <Button type="submit" disabled={save.isPending} className="self-start">
          Save changes
        </Button>
      )}
    </form>
  );
}
