import type { Metadata } from "next";
import Link from "next/link";
import { MAIL_IN_LOG_NOTE, mailIsSent } from "@/lib/mail/send";

export const metadata: Metadata = { title: "Check your email" };
// Whether mail is delivered is read at request time (the environment of the running server).
export const dynamic = "force-dynamic";

export default function MagicLinkSentPage() {
  const sent = mailIsSent();
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-xl font-semibold">{sent ? "Check your email" : "Find the link in the server log"}</h1>
      <p className="text-sm text-muted-foreground">
        {sent ? "If the address can receive email, a sign-in link is on its way." : MAIL_IN_LOG_NOTE} The link works once and expires in 15 minutes.
      </p>
      <p className="text-sm">
        <Link href="/magic-link" className="underline underline-offset-4">
          Send another link
        </Link>
      </p>
    </div>
  );
}
