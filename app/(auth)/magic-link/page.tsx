import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { OtherSignInMethods } from "@/components/auth/other-sign-in-methods";
import { safeRedirectPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in without a password" };

/** Sign in by email link or SSO, for people without a password (the same block as under the password form). */
export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).callbackUrl;
  return (
    <div className="flex flex-col gap-4">
      <AuthHeading title="Sign in without a password">We email you a link that signs you in, and creates your account if you are new.</AuthHeading>
      <OtherSignInMethods callbackUrl={safeRedirectPath(typeof raw === "string" ? raw : null)} standalone />
    </div>
  );
}
