"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/** What happened, said once in the corner: "Role changed", "Key revoked". */
export type Toast = { title: string; description?: string; variant?: "success" | "error" | "info" };
type ShownToast = Toast & { id: number };

const ToastContext = createContext<((toast: Toast) => void) | null>(null);

/** Long enough to read a sentence; errors stay until dismissed. */
const TOAST_MS = 5_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((shown) => shown.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (toast: Toast) => {
      const id = nextId.current++;
      // At most three on screen: a burst of results should not bury the page.
      setToasts((shown) => [...shown.slice(-2), { ...toast, id }]);
      if (toast.variant !== "error") setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* One polite live region for results; errors are announced assertively. */}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:inset-x-auto sm:right-0 sm:items-end">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.variant === "error" ? "alert" : "status"}
            data-testid="toast"
            className={cn(
              "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border border-border bg-background px-4 py-3 text-sm shadow-lg",
              toast.variant === "error" && "border-destructive/40",
            )}
          >
            <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", toast.variant === "error" ? "bg-destructive" : toast.variant === "info" ? "bg-ring" : "bg-emerald-500")} />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{toast.title}</p>
              {toast.description ? <p className="mt-0.5 break-words text-muted-foreground">{toast.description}</p> : null}
            </div>
            <button type="button" aria-label="Dismiss" className="rounded text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring" onClick={() => dismiss(toast.id)}>
              ✕
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ title: "Key revoked" })`. */
export function useToast(): (toast: Toast) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs <ToastProvider> (app/providers.tsx)");
  return show;
}
