"use client";

import { useState } from "react";
import { fieldErrors } from "./field-errors";

/**
 * The API's field messages for a form, each dropped as soon as its field is edited (a
 * stale "Enter a valid email address" under a corrected address misleads). A new refusal
 * shows all of its messages again.
 */
export function useFieldErrors(error: unknown, rename: Record<string, string> = {}) {
  const [edited, setEdited] = useState<{ error: unknown; fields: string[] }>({ error: null, fields: [] });
  const cleared = edited.error === error ? edited.fields : [];
  const errors = Object.fromEntries(Object.entries(fieldErrors(error, rename)).filter(([field]) => !cleared.includes(field)));
  const clear = (field: string) => {
    // Functional: one edit may clear two fields (a name that also fills the URL name).
    if (errors[field] !== undefined) setEdited((current) => ({ error, fields: [...(current.error === error ? current.fields : []), field] }));
  };
  return { errors, clear };
}
