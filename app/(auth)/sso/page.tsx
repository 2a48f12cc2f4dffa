import type { Metadata } from "next";
import Link from "next/link";
import { SsoEmailForm } from "@/components/auth/sso-email-form";
import { safeRedirectPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in with SSO" };

export default async function SsoPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeRedirectPath(typeof raw === "string" ? raw : null);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Sign in with SSO</h1>
        <p className="text-sm text-muted-foreground">Enter your work email to continue with your organization&apos;s identity provider.</p>
      </div>
      <SsoEmailForm callbackUrl={callbackUrl} />
      <p className="text-center text-sm">
        <Link href="/sign-in" className="underline underline-offset-4">
          Other ways to sign in
        </Link>
      </p>
    </div>
  );
}
