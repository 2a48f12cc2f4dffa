"use client";

// Tabs whose selection lives in the URL (`?tab=sso`), so a tab can be linked, reloaded and
// reached with Back. Keyboard as the WAI-ARIA tabs pattern: one tab stop, arrow keys, Home
// and End move and select (automatic activation: every panel is already in the page).
// The URL changes through history.replaceState, which Next syncs into useSearchParams
// without a server round trip, so switching is instant (the state must be null: Next
// skips syncing a call that carries its own router state). Only the selected panel is
// mounted: the others' queries do not run until they are opened. On a narrow screen the
// tab strip scrolls inside its own box instead of widening the page.
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/lib/utils";

export type Tab = { id: string; label: string; content: ReactNode };

export function Tabs({ tabs, label, param = "tab" }: { tabs: Tab[]; label: string; param?: string }) {
  const params = useSearchParams();
  const baseId = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const strip = useRef<HTMLDivElement>(null);
  const selected = tabs.find((tab) => tab.id === params.get(param)) ?? tabs[0];
  const selectedIndex = selected ? tabs.indexOf(selected) : -1;
  // On a phone a linked tab (?tab=api-access) may sit past the strip's edge: bring it in view.
  useEffect(() => {
    const button = buttons.current[selectedIndex];
    const box = strip.current;
    if (!button || !box) return;
    if (button.offsetLeft < box.scrollLeft || button.offsetLeft + button.offsetWidth > box.scrollLeft + box.clientWidth) {
      box.scrollLeft = button.offsetLeft - (box.clientWidth - button.offsetWidth) / 2;
    }
  }, [selectedIndex]);
  if (!selected) return null;

  const select = (tab: Tab) => {
    const url = new URL(window.location.href);
    // The first tab is the default: its URL stays without the parameter.
    if (tab.id === tabs[0]!.id) url.searchParams.delete(param);
    else url.searchParams.set(param, tab.id);
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = (next + tabs.length) % tabs.length;
    select(tabs[target]!);
    buttons.current[target]?.focus();
  };

  return (
    <div className="flex flex-col gap-6">
      <div ref={strip} className="relative -mx-1 overflow-x-auto border-b border-border px-1">
        <div role="tablist" aria-label={label} className="flex gap-1" onKeyDown={onKeyDown}>
          {tabs.map((tab, index) => {
            const active = tab === selected;
            return (
              <button
                key={tab.id}
                ref={(element) => {
                  buttons.current[index] = element;
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${tab.id}`}
                aria-selected={active}
                aria-controls={`${baseId}-panel-${tab.id}`}
                tabIndex={active ? 0 : -1}
                data-tab={tab.id}
                onClick={() => select(tab)}
                className={cn(
                  "-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring",
                  active ? "border-foreground text-foreground" : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                )}
              >
                {tab.label}
              </button>
            );
          })}
        </div>
      </div>
      <div role="tabpanel" id={`${baseId}-panel-${selected.id}`} aria-labelledby={`${baseId}-tab-${selected.id}`} className="flex flex-col gap-6 focus-visible:outline-none">
        {selected.content}
      </div>
    </div>
  );
}
