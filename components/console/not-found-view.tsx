"use client";

import { SearchX } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";

/**
 * The 404 answer inside the console: an address that leads nowhere, or an organization
 * the user is not a member of (whose existence is not revealed), with the ways back.
 */
export function NotFoundView() {
  const params = useParams<{ slug?: string }>();
  const slug = typeof params?.slug === "string" ? params.slug : null;
  return (
    <section className="mx-auto flex w-full max-w-xl flex-col items-start gap-4 rounded-lg border border-border bg-background p-6 shadow-sm sm:mt-8 sm:p-8">
      <span className="inline-flex size-10 items-center justify-center rounded-full bg-muted">
        <SearchX className="size-5 text-muted-foreground" aria-hidden />
      </span>
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-muted-foreground">404 · Not found</p>
        <h1 className="text-xl font-semibold tracking-tight">Page not found</h1>
        <p className="text-sm text-muted-foreground">
          The address may be mistyped or out of date, or what it pointed to was deleted. An organization you are not a member of is not
          found either: ask one of its owners for an invitation.
        </p>
      </div>
      <div className="flex flex-wrap gap-2 pt-1 text-sm">
        <Link className="inline-flex h-9 items-center rounded-md bg-primary px-4 font-medium text-primary-foreground hover:bg-primary/90" href="/orgs" prefetch={false}>
          Your organizations
        </Link>
        {slug ? null : (
          <Link className="inline-flex h-9 items-center rounded-md border border-border px-4 font-medium hover:bg-accent" href="/" prefetch={false}>
            Bastion home
          </Link>
        )}
      </div>
    </section>
  );
}
