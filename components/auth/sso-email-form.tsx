"use client";

// "Sign in with SSO": a work email leads to the org whose identity provider serves it.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldErrors } from "@/components/ui/field-errors";
import { apiFetch } from "@/lib/api-client";
import { Field } from "./field";

type Discovered = { signInPath: string | null; message?: string };

export function SsoEmailForm({ callbackUrl = "/" }: { callbackUrl?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ variant: "info" | "error"; text: string } | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const found = await apiFetch<Discovered>("/api/v1/auth/sso/discover", { body: { email } });
      if (found.signInPath) {
        router.push(callbackUrl === "/" ? found.signInPath : `${found.signInPath}?${new URLSearchParams({ callbackUrl })}`);
        return;
      }
      setMessage({ variant: "info", text: found.message ?? "Single sign-on is not set up for this email address." });
    } catch (caught) {
      const byField = fieldErrors(caught);
      if (byField.email) setEmailError(byField.email);
      else setMessage({ variant: "error", text: (caught as Error).message });
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <Field
        id="sso-email"
        label="Work email"
        type="email"
        autoComplete="email"
        required
        error={emailError}
        value={email}
        onChange={(event) => {
          setEmailError(null);
          setMessage(null);
          setEmail(event.target.value);
        }}
      />
      {message && <Alert variant={message.variant}>{message.text}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? "Looking up…" : "Continue with SSO"}
      </Button>
    </form>
  );
}
