"use client";

// One audit event in full, in a side drawer: who (with the key they used), what, on
// what, from where, and every metadata field the event recorded.
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { AuditItem } from "@/lib/audit/queries";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] gap-3 py-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function IdLine({ id, label }: { id: string; label: string }) {
  return (
    <span className="mt-1 flex items-center gap-2">
      <code className="truncate text-xs text-muted-foreground" title={id}>
        {id}
      </code>
      <CopyButton value={id} label={`Copy ${label}`} />
    </span>
  );
}

function value(item: unknown): string {
  return typeof item === "string" ? item : JSON.stringify(item);
}

export function AuditEventDrawer({ event, onClose }: { event: AuditItem; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const { apiKeyId: _key, ...metadata } = event.metadata ?? {};
  const change = typeof metadata.from === "string" && typeof metadata.to === "string" ? `${metadata.from} → ${metadata.to}` : null;
  return (
    <dialog
      ref={ref}
      aria-label="Audit event"
      onClose={onClose}
      data-testid="audit-drawer"
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-full max-w-md border-l border-border bg-background p-0 text-foreground shadow-xl backdrop:bg-black/40"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-start justify-between gap-3 border-b border-border px-5 py-4">
          <div className="min-w-0">
            <h2 className="truncate font-mono text-sm font-semibold">{event.action}</h2>
            <p className="text-xs text-muted-foreground">{new Date(event.createdAt).toLocaleString()}</p>
          </div>
          <Button type="button" size="sm" variant="ghost" aria-label="Close" onClick={() => ref.current?.close()}>
            ✕
          </Button>
        </div>
        <dl className="flex-1 divide-y divide-border overflow-y-auto px-5 py-2">
          <Row label="Actor">
            {event.actor ? (
              <>
                <span className="font-medium">{event.actor.name ?? event.actor.email}</span>
                <span className="block text-muted-foreground">{event.actor.email}</span>
              </>
            ) : (
              <span className="text-muted-foreground">{event.actorType === "system" ? "Bastion (system)" : "Deleted user"}</span>
            )}
            {event.actorId && <IdLine id={event.actorId} label="actor id" />}
          </Row>
          {event.apiKey && (
            <Row label="API key">
              <span className="font-medium">{event.apiKey.name ?? "Deleted key"}</span>
              {event.apiKey.prefix && <code className="ml-2 text-xs text-muted-foreground">{event.apiKey.prefix}…</code>}
              <span className="block text-xs text-muted-foreground">created by the actor above</span>
              <IdLine id={event.apiKey.id} label="API key id" />
            </Row>
          )}
          <Row label="Target">
            {event.targetType ? (
              <>
                <span className="font-medium">{event.target?.label ?? event.targetType}</span>
                {event.target?.detail && <span className="block text-muted-foreground">{event.target.detail}</span>}
                <span className="block text-xs text-muted-foreground">{event.targetType}</span>
                {event.targetId && <IdLine id={event.targetId} label="target id" />}
              </>
            ) : (
              "—"
            )}
          </Row>
          {change && <Row label="Change">{change}</Row>}
          <Row label="IP address">{event.ip ?? "—"}</Row>
          <Row label="User agent">
            <span className="text-xs">{event.userAgent ?? "—"}</span>
          </Row>
          <Row label="Request id">{event.requestId ? <IdLine id={event.requestId} label="request id" /> : "—"}</Row>
          {Object.entries(metadata).map(([key, item]) => (
            <Row key={key} label={key}>
              <code className="text-xs">{value(item)}</code>
            </Row>
          ))}
          <Row label="Event id">
            <IdLine id={event.id} label="event id" />
          </Row>
        </dl>
      </div>
    </dialog>
  );
}
