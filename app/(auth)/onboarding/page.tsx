import type { Metadata } from "next";
import { redirect } from "next/navigation";
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
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Welcome to Bastion</h1>
        <p className="text-sm text-muted-foreground">
          You are signed in as <span data-testid="signed-in-email">{user.email}</span>. What should others call you?
        </p>
      </div>
      <OnboardingForm initialName={user.name ?? ""} next={next} />
    </div>
  );
}
