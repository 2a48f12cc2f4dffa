import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A message for the user; `role="alert"` for errors so screen readers announce them. */
export function Alert({ className, variant = "info", ...props }: ComponentProps<"div"> & { variant?: "info" | "error" | "success" }) {
  return (
    <div
      role={variant === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-4 py-3 text-sm",
        variant === "error" && "border-destructive/40 bg-destructive/5 text-destructive",
        variant === "success" && "border-emerald-600/30 bg-emerald-50 text-emerald-900 dark:border-emerald-400/30 dark:bg-emerald-500/10 dark:text-emerald-300",
        variant === "info" && "border-border bg-muted text-foreground",
        className,
      )}
      {...props}
    />
  );
}
