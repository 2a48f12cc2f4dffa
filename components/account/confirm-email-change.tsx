"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirmEmailChange } from "@/lib/account/queries";
import { FormStatus } from "./form-status";

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The emailed token, from the URL fragment (which never reaches the server); null on the server. */
function useFragmentToken(): string | null | undefined {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => null);
  return hash === null ? undefined : new URLSearchParams(hash.slice(1)).get("token");
}

/**
 * Applies an email change from the emailed link. The token is spent only when the user
 * presses the button, so mail scanners that open links change nothing.
 */
export function ConfirmEmailChange() {
  const token = useFragmentToken();
  const confirm = useConfirmEmailChange();
  if (confirm.data) {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success">Your email address is now {confirm.data.email}.</Alert>
        <Link href="/account" className="text-sm font-medium underline underline-offset-4">
          Back to your account
        </Link>
      </div>
    );
  }
  if (token === null) return <Alert variant="error">This link is incomplete. Open the link from your email again.</Alert>;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground">Confirm that you want to sign in with this new email address from now on.</p>
      <FormStatus error={confirm.error} />
      <div>
        <Button
          disabled={!token || confirm.isPending}
          onClick={() =>
            token &&
            confirm.mutate(token, {
              // The spent token has no business staying in the address bar or history.
              onSuccess: () => window.history.replaceState(null, "", "/account/confirm-email"),
            })
          }
        >
          Confirm new email address
        </Button>
      </div>
    </div>
  );
}
