"use client";

import { Activity, Building2, CreditCard, KeyRound, Plug, ScrollText, Users, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { consoleNav, navHref } from "./nav-items";

const icons: Record<string, LucideIcon> = {
  "": Building2,
  members: Users,
  secrets: KeyRound,
  integrations: Plug,
  activity: Activity,
  billing: CreditCard,
  audit: ScrollText,
};

export function Sidebar({ slug, permissions }: { slug: string; permissions: readonly string[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="flex flex-col gap-1 p-3">
      {consoleNav.filter((item) => permissions.includes(item.permission)).map((item) => {
        const href = navHref(slug, item);
        // A section's sub-pages (an integration, its rules) keep the section highlighted.
        const active = pathname === href || (item.segment !== "" && pathname.startsWith(`${href}/`));
        const Icon = icons[item.segment] ?? Building2;
        return (
          <Link
            key={item.segment}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-accent-foreground",
              active && "bg-accent text-accent-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
