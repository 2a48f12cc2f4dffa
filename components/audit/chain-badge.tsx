"use client";

import { useQuery } from "@tanstack/react-query";
import { StatusBadge } from "@/components/ui/status-badge";
import { auditKeys, fetchAuditChainState, type AuditChainState } from "@/lib/audit/queries";

const REASONS: Record<NonNullable<AuditChainState["reason"]>, string> = {
  edited: "its fields no longer match its hash",
  relinked: "it does not link to the event before it",
  missing: "events before it are missing",
  unchained: "it carries no chain hash",
  truncated: "the newest events are missing",
};

function scope(state: AuditChainState): string {
  const events = (n: number) => `${n.toLocaleString("en-US")} event${n === 1 ? "" : "s"}`;
  if (state.events === 0) return "No events yet.";
  if (state.complete) return `${events(state.events)} checked, back to the first one kept.`;
  return `The newest ${events(state.checked)} of ${state.events.toLocaleString("en-US")} checked; npm run audit:verify checks them all.`;
}

/** Whether the org's audit chain verifies: each event's hash covers its fields and the previous event's hash. */
export function AuditChainBadge({ slug }: { slug: string }) {
  const chain = useQuery({ queryKey: auditKeys.verify(slug), queryFn: () => fetchAuditChainState(slug) });
  if (chain.isPending) return <StatusBadge tone="neutral" testId="audit-chain-badge">Checking the chain…</StatusBadge>;
  if (chain.isError) return <StatusBadge tone="warn" testId="audit-chain-badge">Chain not checked</StatusBadge>;
  const state = chain.data;
  if (state.status === "verified") {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <StatusBadge tone="good" testId="audit-chain-badge">Chain verified</StatusBadge>
        <span>{scope(state)}</span>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" role="alert">
      <StatusBadge tone="bad" testId="audit-chain-badge">Chain broken</StatusBadge>
      <span className="text-destructive">
        at event <code>{state.brokenEventId ?? "?"}</code>: {state.reason ? REASONS[state.reason] : "unknown"}.
      </span>
    </div>
  );
}
