import type { Metadata } from "next";
import Link from "next/link";
import { SamlSignInRedirect } from "@/components/auth/saml-sign-in-redirect";
import { SsoSignInButton } from "@/components/auth/sso-sign-in-button";
import { Alert } from "@/components/ui/alert";
import { orgProviderId } from "@/lib/auth/next-auth/providers";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { orgSsoEntry } from "@/lib/sso/discover-for-email";

export const metadata: Metadata = { title: "Single sign-on" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An organization's SSO sign-in: goes straight on to its identity provider. */
export default async function OrgSsoPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeRedirectPath(typeof raw === "string" ? raw : null);
  const entry = await orgSsoEntry(slug);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Single sign-on</h1>
        <p className="text-sm text-muted-foreground">Your organization signs you in through its identity provider.</p>
      </div>
      {entry?.kind === "saml" ? (
        <SamlSignInRedirect href={`/api/saml/${entry.connectionId}/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} />
      ) : entry?.kind === "oidc" ? (
        <SsoSignInButton providerId={orgProviderId(slug)} label="Continue to your identity provider" callbackUrl={callbackUrl} autoStart />
      ) : (
        <Alert variant="error">There is no single sign-on for this organization. Check the address, or sign in another way.</Alert>
      )}
      <p className="text-center text-sm">
        <Link href="/sign-in" className="underline underline-offset-4">
          Other ways to sign in
        </Link>
      </p>
    </div>
  );
}
