"use client";

// Sends the browser on to the org's SAML IdP (through Bastion's sign-in route, which
// makes the AuthnRequest). Goes at once; the link stays for browsers that block it.
import { useEffect, useRef } from "react";

export function SamlSignInRedirect({ href }: { href: string }) {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    window.location.assign(href);
  }, [href]);
  return (
    <a href={href} className="inline-flex h-9 items-center justify-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground">
      Continue to your identity provider
    </a>
  );
}
