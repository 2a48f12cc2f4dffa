"use client";

import {
  Activity,
  BellRing,
  BookOpen,
  Building2,
  CreditCard,
  KeyRound,
  LockKeyhole,
  Plug,
  ScrollText,
  ShieldCheck,
  UserRound,
  Users,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { activeHref, consoleNavGroups, navHref } from "./nav-items";

const icons: Record<string, LucideIcon> = {
  "": Building2,
  members: Users,
  roles: ShieldCheck,
  billing: CreditCard,
  secrets: LockKeyhole,
  "api-keys": KeyRound,
  audit: ScrollText,
  integrations: Plug,
  "integrations/rules": BellRing,
  activity: Activity,
};

type Entry = { href: string; label: string; icon: LucideIcon };
type Group = { label: string; entries: Entry[] };

/** The sidebar's groups for the org `slug` (only what `permissions` opens), or the account's when outside an org. */
function groupsFor(slug: string | null, permissions: readonly string[]): Group[] {
  const resources: Group = {
    label: "Resources",
    entries: [
      { href: "/api-reference", label: "API reference", icon: BookOpen },
      { href: "/account", label: "Account", icon: UserRound },
    ],
  };
  if (!slug) return [{ label: "Console", entries: [{ href: "/orgs", label: "Organizations", icon: Building2 }] }, resources];
  const orgGroups = consoleNavGroups
    .map((group) => ({
      label: group.label,
      entries: group.items
        .filter((item) => permissions.includes(item.permission))
        .map((item) => ({ href: navHref(slug, item), label: item.label, icon: icons[item.segment] ?? Building2 })),
    }))
    .filter((group) => group.entries.length > 0);
  return [...orgGroups, resources];
}

/**
 * The console's navigation. Links are not prefetched: a sidebar prefetching every section
 * on each page view cost about ten requests, most cancelled by the next navigation.
 */
export function Sidebar({ slug, permissions, onNavigate }: { slug: string | null; permissions: readonly string[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const groups = groupsFor(slug, permissions);
  const hrefs = groups.flatMap((group) => group.entries.map((entry) => entry.href));
  const active = activeHref(pathname, hrefs, slug ? [`/orgs/${slug}`] : ["/orgs"]);
  return (
    <nav aria-label="Console" className="flex flex-col gap-5 px-3 py-4">
      {groups.map((group) => (
        <div key={group.label} className="flex flex-col gap-0.5">
          <h2 className="px-3 pb-1 text-xs font-medium text-muted-foreground">{group.label}</h2>
          {group.entries.map((entry) => {
            const Icon = entry.icon;
            const current = entry.href === active;
            return (
              <Link
                key={entry.href}
                href={entry.href}
                prefetch={false}
                onClick={onNavigate}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                  current && "bg-accent text-accent-foreground",
                )}
              >
                <Icon className="size-4 shrink-0" aria-hidden />
                {entry.label}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
