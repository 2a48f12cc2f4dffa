"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { auditKeys, auditSearchParams, fetchAuditPage, type AuditFilterValues } from "@/lib/audit/queries";

const EMPTY: AuditFilterValues = { action: "", actorId: "", targetType: "", from: "", to: "" };

export function AuditLog({ slug }: { slug: string }) {
  const [draft, setDraft] = useState(EMPTY);
  const [filters, setFilters] = useState(EMPTY);
  const events = useInfiniteQuery({
    queryKey: auditKeys.list(slug, filters),
    queryFn: ({ pageParam }) => fetchAuditPage(slug, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const exportHref = (format: "csv" | "jsonl") => `/api/v1/orgs/${slug}/audit/export?${new URLSearchParams([...auditSearchParams(filters), ["format", format]])}`;
  const field = (name: keyof AuditFilterValues, label: string, type = "text", placeholder = "") => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`audit-${name}`} className="text-xs">
        {label}
      </Label>
      <Input id={`audit-${name}`} type={type} placeholder={placeholder} value={draft[name]} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} />
    </div>
  );

  return (
    <div className="flex flex-col gap-4">
      <form
        className="grid grid-cols-2 items-end gap-3 md:grid-cols-6"
        aria-label="Audit filters"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        {field("action", "Action", "text", "member.* or member.removed")}
        {field("actorId", "Actor (user id)")}
        {field("targetType", "Target type", "text", "user, secret…")}
        {field("from", "From", "date")}
        {field("to", "To", "date")}
        <Button type="submit">Apply</Button>
      </form>
      <div className="flex gap-2 text-sm">
        <a className="underline" href={exportHref("csv")} download>
          Export CSV
        </a>
        <a className="underline" href={exportHref("jsonl")} download>
          Export JSON Lines
        </a>
      </div>
      {events.error && <Alert variant="error">{(events.error as Error).message}</Alert>}
      <table className="w-full text-sm">
        <thead className="text-left text-muted-foreground">
          <tr>
            <th className="py-2 font-medium">When</th>
            <th className="py-2 font-medium">Actor</th>
            <th className="py-2 font-medium">Action</th>
            <th className="py-2 font-medium">Target</th>
            <th className="py-2 font-medium">From</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((event) => (
            <tr key={event.id} data-testid="audit-row">
              <td className="py-2 whitespace-nowrap text-muted-foreground">{new Date(event.createdAt).toLocaleString()}</td>
              <td className="py-2">{event.actor?.email ?? event.actorId ?? event.actorType}</td>
              <td className="py-2">
                <code>{event.action}</code>
              </td>
              <td className="py-2 text-muted-foreground">{event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "—"}</td>
              <td className="py-2 text-muted-foreground">{event.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && !events.isFetching && <p className="text-sm text-muted-foreground">No events match.</p>}
      {events.hasNextPage && (
        <Button variant="outline" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}
