import type { Metadata } from "next";
import { OtherSignInMethods } from "@/components/auth/other-sign-in-methods";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="flex flex-col gap-6">
      <SignInForm />
      <OtherSignInMethods />
    </div>
  );
}
