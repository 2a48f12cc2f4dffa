import type { Metadata } from "next";
import { OtherSignInMethods } from "@/components/auth/other-sign-in-methods";
import { SignInForm } from "@/components/auth/sign-in-form";
import { CONSOLE_HOME, safeRedirectPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  // Magic links and SSO come back to the same place the password form would.
  const callbackUrl = safeRedirectPath(typeof next === "string" ? next : undefined, CONSOLE_HOME);
  return (
    <div className="flex flex-col gap-6">
      <SignInForm otherMethods={<OtherSignInMethods callbackUrl={callbackUrl} />} />
    </div>
  );
}
