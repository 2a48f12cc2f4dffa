import Link from "next/link";
import type { ReactNode } from "react";
import { Sidebar } from "@/components/console/sidebar";

export default async function ConsoleLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div className="grid min-h-screen grid-cols-[15rem_1fr]">
      <aside className="border-r border-border bg-muted/40">
        <div className="flex h-14 items-center border-b border-border px-5">
          <Link href="/" className="font-semibold tracking-tight">
            Bastion
          </Link>
          <span className="ml-2 truncate text-sm text-muted-foreground" data-testid="org-slug">
            / {slug}
          </span>
        </div>
        <Sidebar slug={slug} />
      </aside>
      <main className="p-8">{children}</main>
    </div>
  );
}
