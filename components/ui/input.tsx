"use client";

import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { useHydrated } from "./use-hydrated";

/**
 * A text input. Disabled until the page is hydrated: what someone types into a
 * controlled input before React attaches would be wiped when it does.
 */
export function Input({ className, disabled, ...props }: ComponentProps<"input">) {
  const hydrated = useHydrated();
  return (
    <input
      className={cn(
        "flex h-9 w-full rounded-md border border-border bg-background px-3 py-1 text-sm shadow-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      disabled={disabled || !hydrated}
      {...props}
    />
  );
}
