"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { ApiErrorAlert, refusalReason, ssoSignInPath } from "./api-error-alert";
import { AuthHeading } from "./auth-heading";
import { EmailField, Field } from "./field";
import { MfaStepForm } from "./mfa-step-form";

type SignInInput = { email: string; password: string; next?: string };

/** `otherMethods` (magic link, SSO) show under the form, and not at the MFA step, which follows the password. */
export function SignInForm({ otherMethods }: { otherMethods?: ReactNode }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // Set when the password was right and the account has a second factor.
  const [mfa, setMfa] = useState<{ mfaTicket: string; next?: string } | null>(null);

  const signIn = useMutation({
    mutationFn: (input: SignInInput) =>
      apiFetch<{ redirectTo: string } | { mfaRequired: true; mfaTicket: string }>("/api/v1/auth/sign-in", { body: input }),
    onSuccess: (answer, input) => {
      if ("mfaTicket" in answer) return setMfa({ mfaTicket: answer.mfaTicket, next: input.next });
      // A full page load, so server components see the new session cookie.
      window.location.assign(safeRedirectPath(answer.redirectTo));
    },
    onError: (error) => {
      const ssoPath = ssoSignInPath(error);
      if (ssoPath) window.location.assign(ssoPath);
    },
  });
  const resend = useMutation({
    mutationFn: (address: string) => apiFetch<{ message: string }>("/api/v1/auth/verify-email/resend", { body: { email: address } }),
  });

  const { errors, clear } = useFieldErrors(signIn.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    resend.reset();
    const next = new URLSearchParams(window.location.search).get("next") ?? undefined;
    signIn.mutate({ email, password, next });
  }

  if (mfa) return <MfaStepForm mfaTicket={mfa.mfaTicket} next={mfa.next} />;
  const unverified = refusalReason(signIn.error) === "email_unverified";
  return (
    <>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <AuthHeading title="Sign in" />
        <EmailField
          error={errors.email}
          value={email}
          onValueChange={(value) => {
            clear("email");
            setEmail(value);
          }}
        />
        <Field
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
          value={password}
          onChange={(event) => {
            clear("password");
            setPassword(event.target.value);
          }}
        />
        {signIn.isError && refusalReason(signIn.error) !== "sso_required" ? <ApiErrorAlert error={signIn.error} fields={["email", "password"]} /> : null}
        {unverified && !resend.isSuccess ? (
          <Button type="button" variant="outline" onClick={() => resend.mutate(email)} disabled={resend.isPending}>
            Send the verification link again
          </Button>
        ) : null}
        {resend.isSuccess ? <Alert variant="success">{resend.data.message}</Alert> : null}
        {resend.isError ? <ApiErrorAlert error={resend.error} /> : null}
        <Button type="submit" disabled={signIn.isPending || (signIn.isSuccess && !mfa)}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </Button>
        <div className="flex justify-between text-sm">
          <Link href="/forgot-password" className="underline underline-offset-4">
            Forgot your password?
          </Link>
          <Link href="/sign-up" className="underline underline-offset-4">
            Create an account
          </Link>
        </div>
      </form>
      {otherMethods}
    </>
  );
}
