"use client";

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { ApiErrorAlert } from "./api-error-alert";
import { Field } from "./field";

type SecondFactor = { code: string } | { passkey: true };

/** The second sign-in step: a code from the authenticator app, a recovery code, or a passkey. */
export function MfaStepForm({ mfaTicket, next }: { mfaTicket: string; next?: string }) {
  const [code, setCode] = useState("");
  const verify = useMutation({
    mutationFn: async (factor: SecondFactor) => {
      if ("code" in factor) return apiFetch<{ redirectTo: string }>("/api/v1/auth/mfa", { body: { mfaTicket, code: factor.code, next } });
      const { options } = await apiFetch<{ options: PublicKeyCredentialRequestOptionsJSON }>("/api/v1/auth/mfa/passkey-options", { body: { mfaTicket } });
      const passkey = await startAuthentication({ optionsJSON: options });
      return apiFetch<{ redirectTo: string }>("/api/v1/auth/mfa", { body: { mfaTicket, passkey, next } });
    },
    // A full page load, so server components see the new session cookie.
    onSuccess: ({ redirectTo }) => window.location.assign(safeRedirectPath(redirectTo)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    verify.mutate({ code });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <h1 className="text-xl font-semibold tracking-tight">Two-factor authentication</h1>
      <p className="text-sm text-muted-foreground">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
      <Field id="mfa-code" label="Code" autoComplete="one-time-code" inputMode="text" required value={code} onChange={(event) => setCode(event.target.value)} />
      {verify.isError ? <ApiErrorAlert error={verify.error} /> : null}
      <Button type="submit" disabled={verify.isPending || verify.isSuccess}>
        {verify.isPending ? "Checking…" : "Verify"}
      </Button>
      <Button type="button" variant="outline" disabled={verify.isPending || verify.isSuccess} onClick={() => verify.mutate({ passkey: true })}>
        Use a passkey
      </Button>
    </form>
  );
}
