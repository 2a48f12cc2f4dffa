"use client";

import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * A moment in the browser's locale and time zone. Until hydration it shows the UTC time,
 * so the server's rendering (another time zone) never mismatches the browser's.
 */
export function Time({ iso, empty = "—" }: { iso: string | null; empty?: string }) {
  const hydrated = useHydrated();
  if (!iso) return <span className="text-muted-foreground">{empty}</span>;
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={hydrated ? date.toLocaleString() : iso}>
      {hydrated ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : `${iso.slice(0, 16).replace("T", " ")} UTC`}
    </time>
  );
}
