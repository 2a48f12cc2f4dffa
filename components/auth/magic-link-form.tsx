"use client";

// "Email me a sign-in link": works for existing and new accounts alike.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { startSignIn } from "./next-auth-client";

export function MagicLinkForm({ callbackUrl = "/" }: { callbackUrl?: string }) {
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

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Magic link">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="magic-link-email">Email</Label>
        <Input id="magic-link-email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      {error && <Alert variant="error">{error}</Alert>}
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
