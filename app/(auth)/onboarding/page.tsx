import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-heading";
import { OnboardingForm } from "@/components/auth/onboarding-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { sameOriginPath } from "@/lib/auth/next-auth/callback-url";

export const metadata: Metadata = { title: "Welcome" };

/** Where a new user lands after their first magic-link or SSO sign-in. */
export default async function OnboardingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).callbackUrl;
  const next = sameOriginPath(typeof raw === "string" ? raw : null);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: "/onboarding" })}`);
  return (
    <div className="flex flex-col gap-4">
      <AuthHeading title="Welcome to Bastion">
        You are signed in as <span data-testid="signed-in-email">{user.email}</span>. What should others call you?
      </AuthHeading>
      <OnboardingForm initialName={user.name ?? ""} next={next} />
    </div>
  );
}
