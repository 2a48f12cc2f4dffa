"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { BastionMark } from "./bastion-mark";
import { Sidebar } from "./sidebar";

/** Below the desktop breakpoint the sidebar lives in a drawer (a modal <dialog>: focus stays inside, Escape closes). */
export function MobileNav({ slug, permissions }: { slug: string | null; permissions: readonly string[] }) {
  const drawer = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();
  useEffect(() => drawer.current?.close(), [pathname]);
  return (
    <>
      <button
        type="button"
        aria-label="Open navigation"
        className="inline-flex size-8 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring lg:hidden"
        onClick={() => drawer.current?.showModal()}
      >
        <Menu className="size-5" aria-hidden />
      </button>
      <dialog
        ref={drawer}
        aria-label="Navigation"
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r border-border bg-background p-0 text-foreground shadow-xl backdrop:bg-black/50 lg:hidden"
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its content) closes it.
          if (event.target === drawer.current) drawer.current.close();
        }}
      >
        <div className="flex h-full flex-col">
          <div className="flex h-14 shrink-0 items-center justify-between border-b border-border px-4">
            <BastionMark />
            <button
              type="button"
              aria-label="Close navigation"
              className="inline-flex size-8 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              onClick={() => drawer.current?.close()}
            >
              <X className="size-5" aria-hidden />
            </button>
          </div>
          <div className="flex-1 overflow-y-auto">
            <Sidebar slug={slug} permissions={permissions} onNavigate={() => drawer.current?.close()} />
          </div>
        </div>
      </dialog>
    </>
  );
}
