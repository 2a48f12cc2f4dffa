"use client";

// Sends the browser to an OIDC identity provider (instance-wide or an org's own).
// With autoStart it goes at once, as when a password or magic link was refused because
// the email's organization requires SSO.
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startSignIn } from "./next-auth-client";

export function SsoSignInButton({ providerId, label, callbackUrl = "/", autoStart = false }: { providerId: string; label: string; callbackUrl?: string; autoStart?: boolean }) {
  const [pending, setPending] = useState(autoStart);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  async function start() {
    setPending(true);
    setError(null);
    try {
      window.location.assign(await startSignIn(providerId, { callbackUrl }));
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  useEffect(() => {
    // Once, even when React runs effects twice in development.
    if (autoStart && !started.current) {
      started.current = true;
      void start();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStart]);

  return (
    <div className="flex flex-col gap-3">
      {error && <Alert variant="error">{error}</Alert>}
      <Button type="button" variant="outline" onClick={() => void start()} disabled={pending}>
        {pending ? "Redirecting…" : label}
      </Button>
    </div>
  );
}
