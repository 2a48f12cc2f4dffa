// What the activity feed shows of an org event.
type OrgEventRow = { id: string; source: string; type: string; action: string | null; actor: string | null; resource: string | null; url: string | null; summary: string; occurredAt: Date };

export function presentOrgEvent(row: OrgEventRow) {
  return { id: row.id, source: row.source, type: row.type, action: row.action, actor: row.actor, resource: row.resource, url: row.url, summary: row.summary, occurredAt: row.occurredAt };
}
