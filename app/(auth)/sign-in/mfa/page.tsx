// The second factor after a first factor that ended in a redirect (a magic link): the
// pending ticket comes from its HttpOnly cookie (lib/auth/mfa/pending-cookie.ts).
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { MfaStepForm } from "@/components/auth/mfa-step-form";
import { readPendingTicket } from "@/lib/auth/mfa/pending";
import { MFA_PENDING_COOKIE } from "@/lib/auth/mfa/pending-cookie";
import { CONSOLE_HOME, safeRedirectPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function MfaStepPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const ticket = (await cookies()).get(MFA_PENDING_COOKIE)?.value;
  if (!ticket || !readPendingTicket(ticket)) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-xl font-semibold tracking-tight">Sign-in step expired</h1>
        <p className="text-sm text-muted-foreground">The second step of your sign-in is no longer open. Sign in again to continue.</p>
        <Link href="/sign-in" className="text-sm font-medium underline underline-offset-4">
          Back to sign in
        </Link>
      </div>
    );
  }
  return <MfaStepForm mfaTicket={ticket} next={safeRedirectPath(typeof next === "string" ? next : undefined, CONSOLE_HOME)} />;
}
