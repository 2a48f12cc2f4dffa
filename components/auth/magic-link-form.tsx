"use client";

// "Email me a sign-in link": works for existing and new accounts alike. Under the
// password form it starts folded (one button), so the sign-in page keeps a single
// email field until the user picks this method; picking it sends the link to the address
// already typed into that form (`emailFieldId`) instead of asking for it a second time.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { startSignIn } from "./next-auth-client";

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function MagicLinkForm({ callbackUrl = "/", initiallyOpen = false, emailFieldId }: { callbackUrl?: string; initiallyOpen?: boolean; emailFieldId?: string }) {
  const [open, setOpen] = useState(initiallyOpen);
  const [email, setEmail] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(address: string) {
    setPending(true);
    setError(null);
    try {
      window.location.assign(await startSignIn("email", { email: address, callbackUrl }));
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send(email);
  }

  function openOrSend() {
    const typed = emailFieldId ? (document.getElementById(emailFieldId) as HTMLInputElement | null)?.value.trim() ?? "" : "";
    if (LOOKS_LIKE_EMAIL.test(typed)) {
      setEmail(typed);
      void send(typed);
      return;
    }
    setEmail(typed);
    setOpen(true);
  }

  if (!open) {
    return (
      <div className="flex flex-col gap-2">
        <Button type="button" variant="outline" onClick={openOrSend} disabled={pending}>
          {pending ? "Sending…" : "Email me a sign-in link"}
        </Button>
        {error && <Alert variant="error">{error}</Alert>}
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Sign-in link by email">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="magic-link-email">Email address</Label>
        <Input id="magic-link-email" type="email" autoComplete="email" required autoFocus={!initiallyOpen} value={email}
          onChange={(event) => {
            setError(null);
            setEmail(event.target.value);
          }}
        />
      </div>
      {error && <Alert variant="error">{error}</Alert>}
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Sending…" : "Send sign-in link"}
      </Button>
    </form>
  );
}
