import { Castle } from "lucide-react";
import Link from "next/link";

/** The product's name and mark, leading to the console's start (the auth pages: the landing page). */
export function BastionMark({ href = "/orgs" }: { href?: string }) {
  return (
    <Link href={href} prefetch={false} className="inline-flex items-center gap-2 rounded-md font-semibold tracking-tight focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
      <span className="inline-flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Castle className="size-4" aria-hidden />
      </span>
      Bastion
    </Link>
  );
}
