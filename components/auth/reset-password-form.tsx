"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch } from "@/lib/api-client";
import { ApiErrorAlert } from "./api-error-alert";
import { Field } from "./field";
import { useLinkToken } from "./use-link-token";

export function ResetPasswordForm() {
  const token = useLinkToken();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: (input: { token: string; password: string }) => apiFetch<{ message: string }>("/api/v1/auth/password/reset", { body: input }),
  });

  const { errors, clear } = useFieldErrors(reset.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (token && password === confirmation) reset.mutate({ token, password });
  }

  if (reset.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-xl font-semibold tracking-tight">Password changed</h1>
        <Alert variant="success">{reset.data.message}</Alert>
        <Link href="/sign-in" className="text-sm underline underline-offset-4">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <h1 className="text-xl font-semibold tracking-tight">Choose a new password</h1>
      {token === null ? <Alert variant="error">This link is incomplete. Open the link from the email again, or ask for a new one.</Alert> : null}
      <Field
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters; not a common password. Every session will be signed out."
        error={errors.password}
        value={password}
        onChange={(event) => {
          clear("password");
          setPassword(event.target.value);
        }}
      />
      <Field
        id="confirmation"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        error={mismatch ? "The two passwords differ." : null}
        value={confirmation}
        onChange={(event) => {
          setMismatch(false);
          setConfirmation(event.target.value);
        }}
      />
      {reset.isError ? <ApiErrorAlert error={reset.error} fields={["password"]} /> : null}
      <Button type="submit" disabled={!token || reset.isPending}>
        {reset.isPending ? "Saving…" : "Change password"}
      </Button>
      <Link href="/forgot-password" className="text-sm underline underline-offset-4">
        Ask for a new link
      </Link>
    </form>
  );
}
