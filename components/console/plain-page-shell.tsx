import Link from "next/link";
import type { ReactNode } from "react";

/** Pages outside any organization's console (account, API reference): a plain header, one column. */
export function PlainPageShell({ title, width = "max-w-3xl", children }: { title: string; width?: "max-w-3xl" | "max-w-5xl"; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-muted/40">
      <header className="border-b border-border bg-background">
        <div className={`mx-auto flex h-14 ${width} items-center gap-2 px-6`}>
          <Link href="/" className="font-semibold tracking-tight">
            Bastion
          </Link>
          <span className="text-sm text-muted-foreground">/ {title}</span>
        </div>
      </header>
      <main className={`mx-auto ${width} px-6 py-8`}>{children}</main>
    </div>
  );
}
