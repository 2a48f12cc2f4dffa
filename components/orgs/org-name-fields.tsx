"use client";

// The organization's name and URL name, as both creating an org and its settings ask for
// them. The API calls the URL name `slug`; the form says "URL name" and shows where the
// console will live. While creating, the URL name follows the name until it is edited.
import { useState } from "react";
import { Field } from "@/components/auth/field";

export type OrgNames = { name: string; slug: string };

export function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
}

type Props = {
  /** Prefix of the inputs' ids (`org` gives `org-name`, `org-slug` and their `-error`s). */
  idPrefix: string;
  values: OrgNames;
  errors: Partial<Record<keyof OrgNames, string>>;
  /** Called with the field that changed, so the caller clears that field's error. */
  onChange: (next: OrgNames, changed: (keyof OrgNames)[]) => void;
  /** New org: the URL name is derived from the name until typed by hand. */
  deriveSlug?: boolean;
  disabled?: boolean;
};

export function OrgNameFields({ idPrefix, values, errors, onChange, deriveSlug = false, disabled }: Props) {
  const [slugEdited, setSlugEdited] = useState(!deriveSlug);
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        label="Name"
        required
        disabled={disabled}
        error={errors.name}
        value={values.name}
        onChange={(event) => {
          const name = event.target.value;
          if (slugEdited) onChange({ ...values, name }, ["name"]);
          else onChange({ name, slug: slugify(name) }, ["name", "slug"]);
        }}
      />
      <Field
        id={`${idPrefix}-slug`}
        label="URL name"
        required
        disabled={disabled}
        hint={deriveSlug ? `Your console will live at /orgs/${values.slug || "…"}` : "Old links keep working for 30 days after a change."}
        error={errors.slug}
        value={values.slug}
        onChange={(event) => {
          setSlugEdited(true);
          onChange({ ...values, slug: event.target.value }, ["slug"]);
        }}
      />
    </>
  );
}
