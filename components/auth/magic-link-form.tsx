"use client";

// "Email me a sign-in link": works for existing and new accounts alike. Under the
// password form it starts folded (one button), so the sign-in page keeps a single
// email field until the user picks this method.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { startSignIn } from "./next-auth-client";

export function MagicLinkForm({ callbackUrl = "/", initiallyOpen = false }: { callbackUrl?: string; initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const [email, setEmail] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      window.location.assign(await startSignIn("email", { email, callbackUrl }));
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  if (!open) {
    return (
      <Button type="button" variant="outline" onClick={() => setOpen(true)}>
        Email me a sign-in link
      </Button>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Sign-in link by email">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="magic-link-email">Email address</Label>
        <Input id="magic-link-email" type="email" autoComplete="email" required autoFocus={!initiallyOpen} value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      {error && <Alert variant="error">{error}</Alert>}
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Sending…" : "Send sign-in link"}
      </Button>
    </form>
  );
}
