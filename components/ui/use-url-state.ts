"use client";

// List state (search, filters, sort) kept in the URL's search params, so every view of a
// list can be linked, reloaded and navigated back to. replace, not push: typing in a
// filter should not fill the history.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export function useUrlState<K extends string>(keys: readonly K[]): [Record<K, string>, (next: Partial<Record<K, string>>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as Record<K, string>;
  const set = useCallback(
    (next: Partial<Record<K, string>>) => {
      const merged = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(next) as [K, string | undefined][]) {
        if (value) merged.set(key, value);
        else merged.delete(key);
      }
      const query = merged.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return [values, set];
}
