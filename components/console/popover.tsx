"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/lib/utils";

const ITEM_SELECTOR = "[data-popover-item]";

/**
 * A button opening a floating panel (the top bar's menus and the org switcher). Keyboard:
 * Enter/Space/ArrowDown open it and focus its first item, arrows move between items,
 * Escape closes it and returns focus to the button; a click outside or a navigation closes it.
 * `kind="menu"` gives the panel role="menu" (items are menuitems); "dialog" suits a panel
 * with a search field.
 */
export function Popover({
  label,
  buttonLabel = label,
  button,
  buttonClassName,
  panelClassName,
  align = "start",
  kind = "menu",
  testId,
  header,
  children,
}: {
  label: string;
  /** The button's aria-label when it differs from the panel's (it must contain the visible text); null: named by its content. */
  buttonLabel?: string | null;
  button: ReactNode;
  buttonClassName?: string;
  panelClassName?: string;
  align?: "start" | "end";
  kind?: "menu" | "dialog";
  testId?: string;
  /** Shown above the items, outside the menu (a menu may hold only its items). */
  header?: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const pathname = usePathname();

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  }, []);

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const first = panel.current?.querySelector<HTMLElement>("input, " + ITEM_SELECTOR);
    first?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const moveFocus = (step: 1 | -1 | "first" | "last") => {
    const items = [...(panel.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];
    if (items.length === 0) return;
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next =
      step === "first" ? 0 : step === "last" ? items.length - 1 : index === -1 ? (step === 1 ? 0 : items.length - 1) : (index + step + items.length) % items.length;
    items[next]?.focus();
  };

  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      moveFocus(1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      moveFocus(-1);
    } else if (event.key === "Home" && (event.target as HTMLElement).tagName !== "INPUT") {
      event.preventDefault();
      moveFocus("first");
    } else if (event.key === "End" && (event.target as HTMLElement).tagName !== "INPUT") {
      event.preventDefault();
      moveFocus("last");
    } else if (event.key === "Tab") {
      // Leaving the panel closes it, as a menu does.
      setOpen(false);
    }
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-label={buttonLabel ?? undefined}
        aria-haspopup={kind === "menu" ? "menu" : "dialog"}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid={testId}
        className={cn(
          "inline-flex items-center gap-2 rounded-md text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
          buttonClassName,
        )}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {button}
      </button>
      {open ? (
        <div
          ref={panel}
          onKeyDown={onPanelKeyDown}
          className={cn(
            "absolute top-full z-50 mt-2 min-w-56 rounded-lg border border-border bg-background p-1 text-sm text-foreground shadow-lg",
            align === "end" ? "right-0" : "left-0",
            panelClassName,
          )}
        >
          {header}
          <div id={panelId} role={kind} aria-label={label}>
            {children}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The classes of a focusable row in a popover. */
export const popoverItemClass =
  "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-foreground outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring";
