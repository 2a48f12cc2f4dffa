"use client";

import { ShieldX } from "lucide-react";
import Link from "next/link";
import { useParams, usePathname } from "next/navigation";
import { CONSOLE_PAGES, pageForPath } from "@/lib/authz/pages";
import { PERMISSIONS, type Permission } from "@/lib/authz/permissions";
import { consoleNav } from "./nav-items";

/** What the refused page is called in the sidebar, for the sentence naming it. */
function pageLabel(page: string | null): string {
  const segment = page?.replace(/^orgs\/\[slug\]\/?/, "") ?? "";
  return consoleNav.find((item) => item.segment === segment)?.label ?? "this page";
}

/** The 403 answer of a console page the member's role does not open (rendered by forbidden()): what is missing and the way back. */
export function ForbiddenView() {
  const params = useParams<{ slug?: string }>();
  const pathname = usePathname();
  const slug = typeof params?.slug === "string" ? params.slug : null;
  const page = pageForPath(pathname);
  const requirement = page ? CONSOLE_PAGES[page] : null;
  const permission = requirement && requirement in PERMISSIONS ? (requirement as Permission) : null;
  return (
    <section className="mx-auto flex w-full max-w-xl flex-col items-start gap-4 rounded-lg border border-border bg-background p-6 shadow-sm sm:mt-8 sm:p-8">
      <span className="inline-flex size-10 items-center justify-center rounded-full bg-muted">
        <ShieldX className="size-5 text-muted-foreground" aria-hidden />
      </span>
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-muted-foreground">403 · Access refused</p>
        <h1 className="text-xl font-semibold tracking-tight">You do not have access to this page</h1>
        {permission ? (
          <p className="text-sm text-muted-foreground" data-testid="missing-permission">
            Opening {pageLabel(page) === "this page" ? "this page" : <strong className="font-medium text-foreground">{pageLabel(page)}</strong>} needs the{" "}
            <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs text-foreground">{permission}</code> permission ({PERMISSIONS[permission].description.toLowerCase()}
            ), which your role in this organization does not include. An owner or admin can change your role.
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">Your role does not include this page. An owner or admin can change your role.</p>
        )}
      </div>
      <div className="flex flex-wrap gap-2 pt-1 text-sm">
        {slug ? (
          <>
            <Link className="inline-flex h-9 items-center rounded-md bg-primary px-4 font-medium text-primary-foreground hover:bg-primary/90" href={`/orgs/${slug}`} prefetch={false}>
              Back to the organization
            </Link>
            <Link className="inline-flex h-9 items-center rounded-md border border-border px-4 font-medium hover:bg-accent" href={`/orgs/${slug}/roles`} prefetch={false}>
              What each role may do
            </Link>
          </>
        ) : (
          <Link className="inline-flex h-9 items-center rounded-md bg-primary px-4 font-medium text-primary-foreground hover:bg-primary/90" href="/orgs" prefetch={false}>
            Your organizations
          </Link>
        )}
      </div>
    </section>
  );
}
