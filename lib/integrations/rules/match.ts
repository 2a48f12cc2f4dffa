// Which notification rules an event satisfies: same source, one of the rule's event
// types ("pull_request.opened", or "pull_request" for every action; none = every event),
// and the rule's resource, when it names one, compared without case against the event's
// resource and its other names (a Jira project key, a Linear team key, ids).
// No "server-only" marker: the worker (plain Node) records events too.
import type { NormalizedEvent } from "../types";

export type RuleFilter = { source: string; eventTypes: string[]; resource: string | null };

export function eventTypeMatches(eventTypes: string[], event: Pick<NormalizedEvent, "type" | "action">): boolean {
  if (eventTypes.length === 0) return true;
  const full = event.action ? `${event.type}.${event.action}` : event.type;
  return eventTypes.some((wanted) => wanted === event.type || wanted === full);
}

export function resourceMatches(resource: string | null, event: Pick<NormalizedEvent, "resource" | "resourceIds">): boolean {
  if (resource === null) return true;
  const wanted = resource.toLowerCase();
  return [event.resource, ...(event.resourceIds ?? [])].some((name) => name?.toLowerCase() === wanted);
}

export function ruleMatches(rule: RuleFilter, event: NormalizedEvent): boolean {
  return rule.source === event.source && eventTypeMatches(rule.eventTypes, event) && resourceMatches(rule.resource, event);
}
