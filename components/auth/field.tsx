import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * A labelled input; the label names the input for screen readers and tests. `error` (the
 * API's message for this field) shows under it and marks the input invalid.
 */
export function Field({ id, label, hint, error, ...props }: ComponentProps<"input"> & { id: string; label: string; hint?: string; error?: string | null }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className={error ? "border-destructive focus-visible:ring-destructive" : undefined} {...props} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A field's refusal, placed right under it. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="text-xs text-destructive">
      {message}
    </p>
  );
}

/** The account's email address, as sign-in, sign-up and password recovery ask for it. */
export function EmailField({ value, error, onValueChange }: { value: string; error?: string | null; onValueChange: (value: string) => void }) {
  return <Field id="email" label="Email" type="email" autoComplete="email" required error={error} value={value} onChange={(event) => onValueChange(event.target.value)} />;
}
