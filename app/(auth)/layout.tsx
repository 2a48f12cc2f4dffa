import type { ReactNode } from "react";
import { BastionMark } from "@/components/console/bastion-mark";

/** Sign-up, sign-in and account-recovery pages: a narrow centred card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 px-4 py-12">
      {/* The console's mark, so signing in looks like the product it leads to. */}
      <div className="text-lg">
        <BastionMark href="/" />
      </div>
      <div className="w-full max-w-sm rounded-lg border border-border bg-background p-6 shadow-sm">{children}</div>
    </main>
  );
}
