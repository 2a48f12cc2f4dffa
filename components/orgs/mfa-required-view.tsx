// The answer, inside the console frame, to a member of an org that requires two-factor
// authentication once their grace period is over (the API answers 403 mfa_required).
import { ShieldAlert } from "lucide-react";
import Link from "next/link";

export function MfaRequiredView({ orgName }: { orgName: string }) {
  return (
    <section
      className="mx-auto flex w-full max-w-xl flex-col items-start gap-4 rounded-lg border border-border bg-background p-6 shadow-sm sm:mt-8 sm:p-8"
      data-testid="mfa-required"
    >
      <span className="inline-flex size-10 items-center justify-center rounded-full bg-muted">
        <ShieldAlert className="size-5 text-muted-foreground" aria-hidden />
      </span>
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-muted-foreground">403 · Two-factor authentication required</p>
        <h1 className="text-xl font-semibold tracking-tight">{orgName} requires two-factor authentication</h1>
        <p className="text-sm text-muted-foreground">
          Its members must sign in with a second factor. Set up an authenticator app or a passkey on your account, then come back: your membership and role are unchanged.
        </p>
      </div>
      <div className="flex flex-wrap gap-2 pt-1 text-sm">
        <Link className="inline-flex h-9 items-center rounded-md bg-primary px-4 font-medium text-primary-foreground hover:bg-primary/90" href="/account#two-factor" prefetch={false}>
          Set up two-factor authentication
        </Link>
        <Link className="inline-flex h-9 items-center rounded-md border border-border px-4 font-medium hover:bg-accent" href="/orgs" prefetch={false}>
          Your organizations
        </Link>
      </div>
    </section>
  );
}
