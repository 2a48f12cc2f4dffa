"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch } from "@/lib/api-client";
import { ApiErrorAlert, refusalReason, ssoSignInPath } from "./api-error-alert";
import { AuthHeading } from "./auth-heading";
import { EmailField, Field } from "./field";
import { rememberReturnPath } from "./return-path";

type SignUpInput = { name: string; email: string; password: string };

export function SignUpForm() {
  const [input, setInput] = useState<SignUpInput>({ name: "", email: "", password: "" });
  // Came from an invitation or a console page: go back there after verifying and signing in.
  useEffect(() => rememberReturnPath(new URLSearchParams(window.location.search).get("next")), []);
  const signUp = useMutation({
    mutationFn: (body: SignUpInput) => apiFetch<{ message: string }>("/api/v1/auth/sign-up", { body }),
    onError: (error) => {
      const ssoPath = ssoSignInPath(error);
      if (ssoPath) window.location.assign(ssoPath);
    },
  });

  const { errors, clear } = useFieldErrors(signUp.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signUp.mutate(input);
  }

  if (signUp.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <AuthHeading title="Check your email" />
        <Alert variant="success">{signUp.data.message}</Alert>
        <p className="text-sm text-muted-foreground">The link expires in 24 hours.</p>
      </div>
    );
  }
  const set = (key: keyof SignUpInput) => (event: { target: { value: string } }) => {
    clear(key);
    setInput((current) => ({ ...current, [key]: event.target.value }));
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <AuthHeading title="Create your account" />
      <Field id="name" label="Name" autoComplete="name" required error={errors.name} value={input.name} onChange={set("name")} />
      <EmailField error={errors.email} value={input.email} onValueChange={(value) => set("email")({ target: { value } })} />
      <Field
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters; not a common password."
        error={errors.password}
        value={input.password}
        onChange={set("password")}
      />
      {signUp.isError && refusalReason(signUp.error) !== "sso_required" ? <ApiErrorAlert error={signUp.error} fields={["name", "email", "password"]} /> : null}
      <Button type="submit" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm">
        Already have an account?{" "}
        <Link href="/sign-in" className="underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </form>
  );
}
