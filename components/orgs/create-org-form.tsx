"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Field } from "@/components/auth/field";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch, type ApiError } from "@/lib/api-client";

function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
}

export function CreateOrgForm() {
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useMutation<{ slug: string; name: string }, ApiError>({
    mutationFn: () => apiFetch("/api/v1/orgs", { body: { name, slug } }),
    onSuccess: (org) => {
      toast({ title: `${org.name} is ready`, description: "You are its owner.", variant: "success" });
      router.push(`/orgs/${org.slug}`);
    },
  });
  // The API calls the URL name `slug`; the form says "URL name".
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
      <Field
        id="org-name"
        label="Name"
        required
        maxLength={100}
        error={errors.name}
        value={name}
        onChange={(event) => {
          clear("name");
          setName(event.target.value);
          if (!slugEdited) {
            clear("slug");
            setSlug(slugify(event.target.value));
          }
        }}
      />
      <Field
        id="org-slug"
        label="URL name"
        required
        hint={`Your console lives at /orgs/${slug || "…"}`}
        error={errors.slug}
        value={slug}
        onChange={(event) => {
          clear("slug");
          setSlugEdited(true);
          setSlug(event.target.value);
        }}
      />
      <ApiErrorAlert error={create.error} fields={["name", "slug"]} />
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
