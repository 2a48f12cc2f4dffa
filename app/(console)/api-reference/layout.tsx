import Link from "next/link";
import type { ReactNode } from "react";

/** The API reference sits outside any organization: a plain header, one column. */
export default function ApiReferenceLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-muted/40">
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-6">
          <Link href="/" className="font-semibold tracking-tight">
            Bastion
          </Link>
          <span className="text-sm text-muted-foreground">/ API reference</span>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </div>
  );
}
