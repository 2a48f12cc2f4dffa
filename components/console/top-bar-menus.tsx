"use client";

import { BookOpen, CircleHelp, FileJson, HeartPulse, LogOut, Building2, UserRound } from "lucide-react";
import Link from "next/link";
import { Popover, popoverItemClass } from "./popover";

function initials(name: string | null, email: string): string {
  const source = name?.trim() || email;
  const words = source.split(/[\s@._-]+/).filter(Boolean);
  return (words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : source.slice(0, 2)).toUpperCase();
}

/** The top bar's help: where the API is described, and whether the service is up. */
export function HelpMenu() {
  return (
    <Popover
      label="Help"
      align="end"
      testId="help-menu"
      buttonClassName="size-8 justify-center text-muted-foreground hover:bg-accent hover:text-foreground"
      button={<CircleHelp className="size-4" aria-hidden />}
    >
      <Link href="/api-reference" prefetch={false} role="menuitem" data-popover-item className={popoverItemClass}>
        <BookOpen className="size-4 text-muted-foreground" aria-hidden />
        API reference
      </Link>
      <a href="/api/v1/openapi.json" role="menuitem" data-popover-item className={popoverItemClass}>
        <FileJson className="size-4 text-muted-foreground" aria-hidden />
        OpenAPI description (JSON)
      </a>
      <a href="/api/health/ready" role="menuitem" data-popover-item className={popoverItemClass}>
        <HeartPulse className="size-4 text-muted-foreground" aria-hidden />
        Service status
      </a>
    </Popover>
  );
}

/** The signed-in user: who they are, their account, their organizations, sign out. */
export function UserMenu({ name, email }: { name: string | null; email: string }) {
  return (
    <Popover
      label="Account menu"
      buttonLabel={`${initials(name, email)}: account menu`}
      align="end"
      testId="user-menu"
      buttonClassName="size-8 justify-center rounded-full"
      button={
        <span className="inline-flex size-7 items-center justify-center rounded-full bg-muted text-xs font-semibold text-foreground ring-1 ring-border">
          {initials(name, email)}
        </span>
      }
      header={
        <div className="mb-1 border-b border-border px-2.5 py-2">
          {name ? <p className="truncate font-medium">{name}</p> : null}
          <p className="truncate text-muted-foreground" data-testid="user-email">
            {email}
          </p>
        </div>
      }
    >
      <div role="none">
        <Link href="/account" prefetch={false} role="menuitem" data-popover-item className={popoverItemClass}>
          <UserRound className="size-4 text-muted-foreground" aria-hidden />
          Account settings
        </Link>
        <Link href="/orgs" prefetch={false} role="menuitem" data-popover-item className={popoverItemClass}>
          <Building2 className="size-4 text-muted-foreground" aria-hidden />
          Your organizations
        </Link>
      </div>
      <form method="post" action="/api/v1/auth/sign-out" className="mt-1 border-t border-border pt-1" role="none">
        <button type="submit" role="menuitem" data-popover-item className={popoverItemClass}>
          <LogOut className="size-4 text-muted-foreground" aria-hidden />
          Sign out
        </button>
      </form>
    </Popover>
  );
}
