import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

export default function MagicLinkSentPage() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-xl font-semibold">Check your email</h1>
      <p className="text-sm text-muted-foreground">
        If the address can receive email, a sign-in link is on its way. The link works once and expires in 15 minutes.
      </p>
      <p className="text-sm">
        <Link href="/magic-link" className="underline underline-offset-4">
          Send another link
        </Link>
      </p>
    </div>
  );
}
