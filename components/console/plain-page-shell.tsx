import type { ReactNode } from "react";
import { BastionMark } from "./bastion-mark";

/** A page shown to someone who may not be signed in (an emailed link, a 404): a plain header, one column. */
export function PlainPageShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-muted/40">
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-2 px-4 sm:px-6">
          <BastionMark />
          <span className="truncate text-sm text-muted-foreground">/ {title}</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
