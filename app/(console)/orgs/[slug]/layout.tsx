import Link from "next/link";
import type { ReactNode } from "react";
import { OrgSwitcher } from "@/components/console/org-switcher";
import { Sidebar } from "@/components/console/sidebar";
import { DunningBanner } from "@/components/billing/dunning-banner";
import { dunningStateFor } from "@/lib/billing/dunning";
import { requireOrgAccess } from "@/lib/orgs/console-access";
import { listOrgsOf } from "@/lib/orgs/orgs";

export default async function ConsoleLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireOrgAccess(slug);
  const orgs = await listOrgsOf(access.user.id);
  // Members who see billing hear about a failed payment or a lapsed plan on every page.
  const dunning = access.permissions.includes("billing:read") ? await dunningStateFor(access.org.id) : null;
  return (
    <div className="grid min-h-screen grid-cols-[15rem_1fr]">
      <aside className="flex flex-col border-r border-border bg-muted/40">
        <div className="flex h-14 items-center border-b border-border px-5">
          <Link href="/" className="font-semibold tracking-tight">
            Bastion
          </Link>
          <span className="ml-2 truncate text-sm text-muted-foreground" data-testid="org-slug">
            / {access.org.slug}
          </span>
        </div>
        <div className="px-3 pt-3">
          <OrgSwitcher current={access.org.slug} orgs={orgs.map((org) => ({ slug: org.slug, name: org.name }))} />
        </div>
        <Sidebar slug={access.org.slug} permissions={access.permissions} />
        <div className="mt-auto border-t border-border p-3 text-sm">
          <Link href="/account" className="block truncate text-muted-foreground hover:text-foreground" title={access.user.email}>
            {access.user.name ?? access.user.email}
          </Link>
          <span className="text-xs text-muted-foreground">{access.role}</span>
        </div>
      </aside>
      <main className="p-8">
        {dunning ? <DunningBanner slug={access.org.slug} state={dunning} /> : null}
        {children}
      </main>
    </div>
  );
}
