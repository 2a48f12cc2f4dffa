"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch, type ApiError } from "@/lib/api-client";

function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
}

export function CreateOrgForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useMutation<{ slug: string }, ApiError>({
    mutationFn: () => apiFetch("/api/v1/orgs", { body: { name, slug } }),
    onSuccess: (org) => router.push(`/orgs/${org.slug}`),
  });
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="org-name">Name</Label>
        <Input
          id="org-name"
          required
          maxLength={100}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugEdited) setSlug(slugify(event.target.value));
          }}
        />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="org-slug">URL name</Label>
        <Input
          id="org-slug"
          required
          value={slug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.target.value);
          }}
        />
        <p className="text-xs text-muted-foreground">Your console lives at /orgs/{slug || "…"}</p>
      </div>
      {create.error && (
        <Alert variant="error">
          {create.error.message}
          {Array.isArray(create.error.details) &&
            (create.error.details as { path: string; message: string }[]).map((detail) => <div key={detail.path}>{`${detail.path}: ${detail.message}`}</div>)}
        </Alert>
      )}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
