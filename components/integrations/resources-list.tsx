"use client";

import type { ResourceItem } from "@/lib/integrations/queries";

const KIND_LABELS: Record<ResourceItem["kind"], string> = { repository: "Repository", project: "Project", team: "Team", channel: "Channel" };

/** What the last sync found: the repositories, projects, teams or channels rules can pick. */
export function ResourcesList({ resources, syncing }: { resources: ResourceItem[] | undefined; syncing: boolean }) {
  if (!resources) return <p className="text-sm text-muted-foreground">Loading…</p>;
  return (
    <div className="flex flex-col gap-2">
      {syncing && <p className="text-sm text-muted-foreground" role="status">Syncing…</p>}
      {resources.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing synced yet.</p>
      ) : (
        <ul className="divide-y divide-border text-sm">
          {resources.map((resource) => (
            <li key={resource.id} data-testid="resource-row" className="flex items-center gap-3 py-1.5">
              <span className="w-24 text-xs text-muted-foreground">{KIND_LABELS[resource.kind]}</span>
              {resource.url ? (
                <a href={resource.url} target="_blank" rel="noreferrer noopener" className="font-medium underline-offset-4 hover:underline">
                  {resource.name}
                </a>
              ) : (
                <span className="font-medium">{resource.name}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
