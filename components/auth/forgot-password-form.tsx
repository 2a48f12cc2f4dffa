"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch } from "@/lib/api-client";
import { ApiErrorAlert } from "./api-error-alert";
import { AuthHeading } from "./auth-heading";
import { EmailField } from "./field";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const request = useMutation({
    mutationFn: (address: string) => apiFetch<{ message: string }>("/api/v1/auth/password/forgot", { body: { email: address } }),
  });

  const { errors, clear } = useFieldErrors(request.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate(email);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <AuthHeading title="Reset your password">Enter your email address and we will send you a link to choose a new password.</AuthHeading>
      <EmailField
        error={errors.email}
        value={email}
        onValueChange={(value) => {
          clear("email");
          setEmail(value);
        }}
      />
      {request.isSuccess ? <Alert variant="success">{request.data.message}</Alert> : null}
      {request.isError ? <ApiErrorAlert error={request.error} fields={["email"]} /> : null}
      <Button type="submit" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Send the reset link"}
      </Button>
      <Link href="/sign-in" className="text-sm underline underline-offset-4">
        Back to sign in
      </Link>
    </form>
  );
}
