import type { ReactNode } from "react";
import { BastionMark } from "./bastion-mark";
import { MobileNav } from "./mobile-nav";
import { OrgSwitcher, type OrgOption } from "./org-switcher";
import { Sidebar } from "./sidebar";
import { HelpMenu, UserMenu } from "./top-bar-menus";

export type FrameUser = { name: string | null; email: string };

/**
 * The console's frame around every signed-in page: the sidebar (a drawer on narrow
 * screens), the top bar with the org switcher, help and the user menu, and the page.
 * `org` is the organization the page belongs to (its sidebar), or null outside one.
 */
export function ConsoleFrame({
  user,
  orgs,
  org,
  permissions = [],
  banner,
  children,
}: {
  user: FrameUser;
  orgs: OrgOption[];
  org: OrgOption | null;
  permissions?: readonly string[];
  banner?: ReactNode;
  children: ReactNode;
}) {
  const slug = org?.slug ?? null;
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60]"
      >
        Skip to content
      </a>
      {/* The column carries the colour and the border down the whole page; its content stays in view. */}
      <aside className="hidden border-r border-border bg-muted/40 lg:block">
        <div className="sticky top-0 flex h-screen flex-col">
          <div className="flex h-14 shrink-0 items-center border-b border-border px-5">
            <BastionMark />
          </div>
          <div className="flex-1 overflow-y-auto">
            <Sidebar slug={slug} permissions={permissions} />
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-1.5 border-b border-border bg-background/90 px-3 backdrop-blur sm:gap-2 sm:px-6">
          <MobileNav slug={slug} permissions={permissions} />
          <span className="text-muted-foreground lg:hidden" aria-hidden>
            /
          </span>
          <OrgSwitcher current={org} orgs={orgs} />
          <div className="ml-auto flex items-center gap-1">
            <HelpMenu />
            <UserMenu name={user.name} email={user.email} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-8 sm:py-8">
          <div className="mx-auto flex w-full max-w-6xl flex-col">
            {banner}
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
