"use client";

// Sign-in methods besides the password form, shown under it on the sign-in page: a
// magic link by email, the instance-wide SSO button when the server has one, and the
// way to an organization's own SSO.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { MagicLinkForm } from "./magic-link-form";
import { fetchSignInProviders } from "./next-auth-client";
import { authKeys } from "./queries";
import { SsoSignInButton } from "./sso-sign-in-button";

const INSTANCE_SSO_PROVIDER_ID = "oidc";

/** `standalone`: on a page without a password form (no "or" divider, magic-link form unfolded). */
export function OtherSignInMethods({ callbackUrl = "/", standalone = false }: { callbackUrl?: string; standalone?: boolean }) {
  const providers = useQuery({ queryKey: authKeys.providers(), queryFn: fetchSignInProviders, staleTime: 5 * 60_000 });
  const instanceSso = providers.data?.[INSTANCE_SSO_PROVIDER_ID];
  const ssoHref = callbackUrl === "/" ? "/sso" : `/sso?${new URLSearchParams({ callbackUrl })}`;

  return (
    <div className="flex flex-col gap-4">
      {!standalone && (
        <div className="flex items-center gap-3 text-xs uppercase text-muted-foreground">
          <span className="h-px flex-1 bg-border" />
          or
          <span className="h-px flex-1 bg-border" />
        </div>
      )}
      <MagicLinkForm callbackUrl={callbackUrl} initiallyOpen={standalone} emailFieldId={standalone ? undefined : "email"} />
      {instanceSso && <SsoSignInButton providerId={instanceSso.id} label={`Continue with ${instanceSso.name}`} callbackUrl={callbackUrl} />}
      <p className="text-center text-sm">
        <Link href={ssoHref} className="underline underline-offset-4">
          Sign in with your organization&apos;s SSO
        </Link>
      </p>
    </div>
  );
}
