"use client";

// First sign-in: choose the name other members see, then continue.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch } from "@/lib/api-client";
import { ApiErrorAlert } from "./api-error-alert";
import { Field } from "./field";

export function OnboardingForm({ initialName, next }: { initialName: string; next: string }) {
  const [name, setName] = useState(initialName);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { errors, clear } = useFieldErrors(error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await apiFetch("/api/v1/onboarding", { body: { name } });
      window.location.assign(next);
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <Field
        id="display-name"
        label="Your name"
        autoComplete="name"
        required
        maxLength={100}
        error={errors.name}
        value={name}
        onChange={(event) => {
          clear("name");
          setName(event.target.value);
        }}
      />
      <ApiErrorAlert error={error} fields={["name"]} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Continue"}
      </Button>
    </form>
  );
}
