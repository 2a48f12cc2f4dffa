"use client";

import { useRouter } from "next/navigation";

type OrgOption = { slug: string; name: string };

/** Switches between the user's organizations; the last entry leads to creating one. */
export function OrgSwitcher({ current, orgs }: { current: string; orgs: OrgOption[] }) {
  const router = useRouter();
  return (
    <label className="flex flex-col gap-1 text-xs text-muted-foreground">
      Organization
      <select
        aria-label="Organization"
        className="h-9 rounded-md border border-border bg-background px-2 text-sm text-foreground"
        value={current}
        onChange={(event) => router.push(event.target.value === "" ? "/orgs" : `/orgs/${event.target.value}`)}
      >
        {orgs.map((org) => (
          <option key={org.slug} value={org.slug}>
            {org.name}
          </option>
        ))}
        <option value="">+ New organization…</option>
      </select>
    </label>
  );
}
