"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";

/** Ends this browser's session, then shows the sign-in page (also when it had already ended). */
export function SignOutButton() {
  const signOut = useMutation({
    mutationFn: () => apiFetch<{ signedOut: true }>("/api/v1/auth/sign-out", { method: "POST" }),
    onSettled: () => window.location.assign("/sign-in"),
  });
  return (
    <Button variant="outline" size="sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {signOut.isPending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
