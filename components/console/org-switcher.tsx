"use client";

import { Check, ChevronsUpDown, List, Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { cn } from "@/lib/utils";
import { Popover, popoverItemClass } from "./popover";

export type OrgOption = { slug: string; name: string };

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]!.toUpperCase())
      .join("") || "?"
  );
}

export function OrgAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span aria-hidden className={cn("inline-flex size-6 shrink-0 items-center justify-center rounded-md bg-primary text-[0.65rem] font-semibold text-primary-foreground", className)}>
      {initials(name)}
    </span>
  );
}

/** The top bar's organization switcher: the user's organizations with a search, and a way to create one. */
export function OrgSwitcher({ current, orgs }: { current: OrgOption | null; orgs: OrgOption[] }) {
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  const shown = needle ? orgs.filter((org) => org.name.toLowerCase().includes(needle) || org.slug.includes(needle)) : orgs;
  return (
    <Popover
      label="Switch organization"
      buttonLabel={null}
      kind="dialog"
      testId="org-switcher"
      buttonClassName="h-8 max-w-[12rem] px-1.5 hover:bg-accent sm:max-w-[16rem]"
      panelClassName="w-72"
      button={
        <>
          {current ? <OrgAvatar name={current.name} /> : null}
          <span className="truncate font-medium" data-testid="current-org">
            {current ? current.name : "Organizations"}
          </span>
          <span className="sr-only">, switch organization</span>
          <ChevronsUpDown className="size-3.5 shrink-0 text-muted-foreground" aria-hidden />
        </>
      }
    >
      <div className="p-1">
        <label className="sr-only" htmlFor="org-switcher-search">
          Search organizations
        </label>
        <input
          id="org-switcher-search"
          type="search"
          autoComplete="off"
          placeholder="Search organizations…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="h-8 w-full rounded-md border border-border bg-background px-2.5 text-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        />
      </div>
      <ul aria-label="Your organizations" className="max-h-72 overflow-y-auto py-1">
        {shown.map((org) => (
          <li key={org.slug}>
            <Link
              href={`/orgs/${org.slug}`}
              prefetch={false}
              data-popover-item
              aria-current={org.slug === current?.slug ? "page" : undefined}
              className={popoverItemClass}
            >
              <OrgAvatar name={org.name} className="size-5" />
              <span className="min-w-0 flex-1 truncate">{org.name}</span>
              {org.slug === current?.slug ? <Check className="size-4 text-muted-foreground" aria-label="current" /> : null}
            </Link>
          </li>
        ))}
        {shown.length === 0 ? <li className="px-2.5 py-1.5 text-muted-foreground">No organization matches “{query}”.</li> : null}
      </ul>
      <div className="border-t border-border pt-1">
        <Link href="/orgs" prefetch={false} data-popover-item className={popoverItemClass}>
          <List className="size-4 text-muted-foreground" aria-hidden />
          All organizations
        </Link>
        <Link href="/orgs#create-organization" prefetch={false} data-popover-item className={popoverItemClass}>
          <Plus className="size-4 text-muted-foreground" aria-hidden />
          Create organization
        </Link>
      </div>
    </Popover>
  );
}
