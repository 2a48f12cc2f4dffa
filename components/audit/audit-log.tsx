"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AuditEventDrawer } from "@/components/audit/event-drawer";
import { FieldError } from "@/components/auth/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable, Truncate, type Column } from "@/components/ui/data-table";
import { fieldErrors, formLevelMessage } from "@/components/ui/field-errors";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useUrlState } from "@/components/ui/use-url-state";
import { AUDIT_FILTER_KEYS, auditKeys, auditSearchParams, fetchAuditPage, type AuditFilterValues, type AuditItem } from "@/lib/audit/queries";

const TARGET_TYPES = ["user", "secret", "api_key", "integration", "invitation", "domain", "org", "notification_rule", "session", "sso_connection", "subscription", "webhook_delivery"];

function Actor({ event }: { event: AuditItem }) {
  if (event.apiKey) {
    return (
      <div className="min-w-0">
        <Truncate text={`${event.apiKey.name ?? "Deleted key"} (${event.apiKey.prefix ?? event.apiKey.id})`} className="font-medium">
          <span aria-hidden className="mr-1 rounded bg-muted px-1 text-[10px] uppercase text-muted-foreground">
            key
          </span>
          {event.apiKey.name ?? "Deleted key"}
        </Truncate>
        <Truncate text={`created by ${event.actor?.email ?? event.actorId ?? "unknown"}`} className="text-xs text-muted-foreground" />
      </div>
    );
  }
  if (!event.actor) return <span className="text-muted-foreground">{event.actorType === "system" ? "System" : (event.actorId ?? "—")}</span>;
  return (
    <div className="min-w-0" title={`User id ${event.actor.id}`}>
      <Truncate text={event.actor.name ?? event.actor.email} className="font-medium" />
      <Truncate text={event.actor.email} className="text-xs text-muted-foreground" />
    </div>
  );
}

function Target({ event }: { event: AuditItem }) {
  if (!event.targetType) return <span className="text-muted-foreground">—</span>;
  const label = event.target?.label ?? event.targetId ?? event.targetType;
  return (
    <div className="min-w-0" title={event.targetId ? `${event.targetType} ${event.targetId}` : event.targetType}>
      <Truncate text={label} className="font-medium" />
      <Truncate text={event.target?.detail ? `${event.targetType} · ${event.target.detail}` : event.targetType} className="text-xs text-muted-foreground" />
    </div>
  );
}

const COLUMNS: Column<AuditItem>[] = [
  {
    id: "when",
    header: "When",
    width: "11rem",
    cell: (event) => (
      <time dateTime={event.createdAt} title={event.createdAt} className="whitespace-nowrap text-muted-foreground">
        {new Date(event.createdAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
      </time>
    ),
  },
  { id: "actor", header: "Actor", cell: (event) => <Actor event={event} /> },
  { id: "action", header: "Action", width: "13rem", cell: (event) => <Truncate text={event.action} className="font-mono text-xs" /> },
  { id: "target", header: "Target", cell: (event) => <Target event={event} /> },
  { id: "ip", header: "IP", width: "8.5rem", cell: (event) => <Truncate text={event.ip ?? "—"} className="text-muted-foreground" /> },
];

export function AuditLog({ slug }: { slug: string }) {
  const [filters, setFilters] = useUrlState(AUDIT_FILTER_KEYS);
  const [draft, setDraft] = useState<AuditFilterValues>(filters);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<AuditItem | null>(null);
  const events = useInfiniteQuery({
    queryKey: auditKeys.list(slug, filters),
    queryFn: ({ pageParam }) => fetchAuditPage(slug, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    retry: false,
  });
  const rows = events.data?.pages.flatMap((page) => page.items);
  const columns: Column<AuditItem>[] = [
    ...COLUMNS,
    {
      id: "open",
      header: "",
      label: "Details",
      width: "5.5rem",
      align: "right",
      cell: (event) => (
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Details of ${event.action} at ${new Date(event.createdAt).toLocaleString()}`}
          onClick={(click) => {
            click.stopPropagation();
            setOpen(event);
          }}
        >
          Details
        </Button>
      ),
    },
  ];
  const errors = { ...fieldErrors(events.error), ...localErrors };
  const exportHref = (format: "csv" | "jsonl") => `/api/v1/orgs/${slug}/audit/export?${new URLSearchParams([...auditSearchParams(filters), ["format", format]])}`;
  const active = AUDIT_FILTER_KEYS.some((key) => filters[key]);
  const field = (name: keyof AuditFilterValues, label: string, type = "text", placeholder = "") => (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={`audit-${name}`} className="text-xs">
        {label}
      </Label>
      <Input
        id={`audit-${name}`}
        type={type}
        placeholder={placeholder}
        value={draft[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `audit-${name}-error` : undefined}
        onChange={(event) => {
          setDraft({ ...draft, [name]: event.target.value });
          setLocalErrors({});
        }}
      />
      <FieldError id={`audit-${name}-error`} message={errors[name]} />
    </div>
  );

  return (
    <div className="flex flex-col gap-4">
      <form
        className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-4"
        aria-label="Audit filters"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.from && draft.to && draft.from > draft.to) {
            setLocalErrors({ to: "must not be before the start date" });
            return;
          }
          setFilters(draft);
        }}
      >
        {field("actor", "Actor", "text", "Name or email")}
        {field("target", "Target", "text", "Name, email, secret or id")}
        {field("action", "Action", "text", "member.* or member.removed")}
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="audit-targetType" className="text-xs">
            Target type
          </Label>
          <select
            id="audit-targetType"
            className="h-9 rounded-md border border-border bg-background px-2 text-sm"
            value={draft.targetType}
            onChange={(event) => setDraft({ ...draft, targetType: event.target.value })}
          >
            <option value="">Any</option>
            {TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        {field("from", "From", "date")}
        {field("to", "To", "date")}
        <div className="flex items-end gap-2 self-end sm:col-span-2">
          <Button type="submit">Apply filters</Button>
          {active && (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                const cleared = Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, ""])) as AuditFilterValues;
                setDraft(cleared);
                setLocalErrors({});
                setFilters(cleared);
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-muted-foreground">{active ? "Showing events matching the filters." : "Showing all events."}</p>
        <div className="flex gap-2">
          <Button asChild size="sm" variant="outline">
            <a href={exportHref("csv")} download data-testid="audit-export-csv">
              Export CSV
            </a>
          </Button>
          <Button asChild size="sm" variant="outline">
            <a href={exportHref("jsonl")} download>
              Export JSON Lines
            </a>
          </Button>
        </div>
      </div>
      {(() => {
        const message = formLevelMessage(events.error, [...AUDIT_FILTER_KEYS]);
        return message ? <Alert variant="error">{message}</Alert> : null;
      })()}
      <DataTable
        label="Audit events"
        columns={columns}
        rows={rows}
        rowKey={(event) => event.id}
        loading={events.isPending && !events.error}
        serverSorted
        empty={active ? "No events match these filters." : "No events recorded yet."}
        hasMore={events.hasNextPage}
        loadingMore={events.isFetchingNextPage}
        onLoadMore={() => void events.fetchNextPage()}
        onRowClick={setOpen}
        rowProps={(event) => ({ "data-testid": "audit-row", "data-action": event.action })}
        minWidth="52rem"
      />
      {open && <AuditEventDrawer event={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
