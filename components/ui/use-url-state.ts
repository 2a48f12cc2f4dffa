"use client";

// List state (search, filters, sort, an opened row) kept in the URL's search params, so
// every view of a list can be linked, reloaded and navigated back to. replace, not push:
// typing in a filter should not fill the history. The native history.replaceState (which
// Next's router follows, updating useSearchParams) rather than router.replace: list state
// is the client's, and router.replace would re-render the page on the server for each
// keystroke's filter, with the change visible only once that round trip is back.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export function useUrlState<K extends string>(keys: readonly K[]): [Record<K, string>, (next: Partial<Record<K, string>>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as Record<K, string>;
  const set = useCallback(
    (next: Partial<Record<K, string>>) => {
      // The address bar's query, not this render's: two changes in a row (a filter, then
      // a row's toggle) must not undo each other.
      const merged = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(next) as [K, string | undefined][]) {
        if (value) merged.set(key, value);
        else merged.delete(key);
      }
      const query = merged.toString();
      window.history.replaceState(null, "", `${query ? `${pathname}?${query}` : pathname}${window.location.hash}`);
    },
    [pathname],
  );
  return [values, set];
}
