"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { OrgNameFields, type OrgNames } from "@/components/orgs/org-name-fields";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch, type ApiError } from "@/lib/api-client";

export function CreateOrgForm() {
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState<OrgNames>({ name: "", slug: "" });
  const create = useMutation<{ slug: string; name: string }, ApiError>({
    mutationFn: () => apiFetch("/api/v1/orgs", { body: values }),
    onSuccess: (org) => {
      toast({ title: `${org.name} is ready`, description: "You are its owner.", variant: "success" });
      router.push(`/orgs/${org.slug}`);
    },
  });
  const { errors, clear } = useFieldErrors(create.error);
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <OrgNameFields
        idPrefix="org"
        deriveSlug
        values={values}
        errors={errors}
        onChange={(next, changed) => {
          changed.forEach(clear);
          setValues(next);
        }}
      />
      <ApiErrorAlert error={create.error} fields={["name", "slug"]} />
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
