// Recording an org event (a provider's, or Bastion's own) in the activity feed, and in
// the same transaction one notify job per enabled rule it matches. A delivery's event is
// recorded once: OrgEvent.deliveryId is unique, and a second call for the same delivery
// (a re-run after a crash, a redelivery) returns the existing event and enqueues nothing.
// No "server-only" marker: the worker (plain Node) records events.
import type { Tx } from "../../db";
import { enqueue } from "../../jobs/queue";
import { ruleMatches } from "../rules/match";
import type { NormalizedEvent } from "../types";

export const NOTIFY_TASK = "integrations.notify";

const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

export async function recordOrgEvent(tx: Tx, orgId: string, event: NormalizedEvent, deliveryId?: string) {
  if (deliveryId) {
    const existing = await tx.orgEvent.findUnique({ where: { deliveryId } });
    if (existing) return { event: existing, created: false, notifications: 0 };
  }
  const row = await tx.orgEvent.create({
    data: {
      orgId,
      source: event.source,
      type: event.type.slice(0, 100),
      action: clip(event.action, 100),
      actor: clip(event.actor, 200),
      resource: clip(event.resource, 300),
      url: event.url && /^https?:\/\//.test(event.url) ? event.url.slice(0, 2000) : null,
      summary: event.summary.slice(0, 500),
      occurredAt: event.occurredAt,
      deliveryId: deliveryId ?? null,
    },
  });
  const rules = await tx.notificationRule.findMany({ where: { orgId, source: event.source, enabled: true }, select: { id: true, source: true, eventTypes: true, resource: true } });
  const matching = rules.filter((rule) => ruleMatches(rule, event));
  for (const rule of matching) {
    await enqueue(tx, NOTIFY_TASK, { ruleId: rule.id, orgEventId: row.id }, { uniqueKey: `notify:${rule.id}:${row.id}` });
  }
  return { event: row, created: true, notifications: matching.length };
}
