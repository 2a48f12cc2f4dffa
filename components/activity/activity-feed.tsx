"use client";

import { Activity } from "lucide-react";
import Link from "next/link";
import { Time } from "@/components/integrations/relative-time";
import { RULE_SOURCES, sourceLabel } from "@/components/integrations/rule-sources";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useUrlState } from "@/components/ui/use-url-state";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useActivity } from "@/lib/integrations/query-hooks";

/** The org's events, newest first: from connected providers and from Bastion itself. */
export function ActivityFeed({ slug }: { slug: string }) {
  const hydrated = useHydrated();
  // The source filter is in the URL (?source=github), so a filtered feed is a link.
  const [{ source }, setFilters] = useUrlState(["source"] as const);
  const activity = useActivity(slug, source);
  const events = activity.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="flex flex-col gap-4">
      <select aria-label="Source" className="h-9 self-start rounded-md border border-border bg-background px-2 text-sm" disabled={!hydrated} value={source} onChange={(event) => setFilters({ source: event.target.value })}>
        <option value="">All sources</option>
        {RULE_SOURCES.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>{candidate.label}</option>
        ))}
      </select>
      {activity.error && <Alert variant="error">{activity.error.message}</Alert>}
      <ol className="divide-y divide-border">
        {events.map((event) => (
          <li key={event.id} data-testid="activity-item" className="flex flex-col gap-0.5 py-3 text-sm">
            <div className="flex items-baseline gap-2">
              <span className="rounded bg-muted px-1.5 text-xs font-medium">{sourceLabel(event.source)}</span>
              {event.url ? (
                <a href={event.url} target="_blank" rel="noreferrer noopener" className="font-medium underline-offset-4 hover:underline">{event.summary}</a>
              ) : (
                <span className="font-medium">{event.summary}</span>
              )}
            </div>
            <div className="text-xs text-muted-foreground">
              <span className="font-mono">{event.action ? `${event.type}.${event.action}` : event.type}</span>
              {event.actor && <> · {event.actor}</>}
              {event.resource && <> · {event.resource}</>} · <Time iso={event.occurredAt} />
            </div>
          </li>
        ))}
      </ol>
      {activity.isPending && <SkeletonRows rows={4} label="Loading activity" />}
      {events.length === 0 && !activity.isPending && !activity.error && (
        <EmptyState
          icon={Activity}
          title={source ? `No ${sourceLabel(source)} events yet` : "No activity yet"}
          description="Pushes, issues and other events from connected tools appear here, next to Bastion's own."
          action={
            <Button asChild variant="outline" size="sm">
              <Link href={`/orgs/${slug}/integrations`}>Connect a tool</Link>
            </Button>
          }
        />
      )}
      {activity.hasNextPage && (
        <Button variant="outline" className="self-start" disabled={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>
          Older events
        </Button>
      )}
    </div>
  );
}
