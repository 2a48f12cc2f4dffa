import Link from "next/link";
import type { ReactNode } from "react";

/** Sign-up, sign-in and account-recovery pages: a narrow centred card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 px-4 py-12">
      <Link href="/" className="text-lg font-semibold tracking-tight">
        Bastion
      </Link>
      <div className="w-full max-w-sm rounded-lg border border-border bg-background p-6 shadow-sm">{children}</div>
    </main>
  );
}
