// Jira webhook payloads (Cloud and Data Center) as org events. `webhookEvent` names both
// type and action: "jira:issue_created" → issue.created, "comment_updated" →
// comment.updated, "sprint_started" → sprint.started. An issue update that only changed
// its assignee (issue_event_type_name "issue_assigned") becomes issue.assigned.
// No "server-only" marker: the worker (plain Node) loads this.
import { date, field, first, list, oneLine, text, words } from "../../events/payload";
import type { EventNormalizer } from "../../types";

/** "jira:issue_created" → ["issue", "created"]; "board_configuration_changed" → ["board_configuration", "changed"]. */
function split(webhookEvent: string): [string, string | null] {
  const name = webhookEvent.replace(/^jira:/, "");
  const at = name.lastIndexOf("_");
  return at > 0 ? [name.slice(0, at), name.slice(at + 1)] : [name, null];
}

/** An issue's browse link, from its REST `self` URL (https://site/rest/api/2/issue/10001). */
function browseUrl(issue: unknown): string | null {
  const self = text(issue, "self");
  const key = text(issue, "key");
  if (!self || !key) return null;
  try {
    const url = new URL(self);
    const base = url.pathname.replace(/\/rest\/api\/.*$/, "");
    return `${url.origin}${base}/browse/${key}`;
  } catch {
    return null;
  }
}

function refinedAction(type: string, action: string | null, payload: unknown): string | null {
  if (type !== "issue" || action !== "updated") return action;
  if (text(payload, "issue_event_type_name") === "issue_assigned") return "assigned";
  const fields = list(payload, "changelog", "items").map((item) => text(item, "field"));
  return fields.length === 1 && fields[0] === "assignee" ? "assigned" : action;
}

function describe(type: string, action: string | null, payload: unknown): string {
  const issue = field(payload, "issue");
  const issueName = `${text(issue, "key") ?? "an issue"}${title(text(issue, "fields", "summary"))}`;
  switch (type) {
    case "issue":
      if (action === "assigned") return `assigned ${issueName} to ${text(issue, "fields", "assignee", "displayName") ?? "nobody"}`;
      return `${words(action)} ${issueName}`;
    case "comment":
      return `${action === "created" ? "commented on" : `${words(action)} a comment on`} ${issueName}`;
    case "sprint":
      return `${words(action)} sprint${title(text(payload, "sprint", "name"))}`;
    case "project":
      return `${words(action)} project${title(text(payload, "project", "name"))}`;
    case "version":
      return `${words(action)} version${title(text(payload, "version", "name"))}`;
    default:
      return `${words(action ?? "changed")} ${words(type)}`;
  }
}

const title = (value: string | null) => (value ? ` “${oneLine(value, 80)}”` : "");

export const normalize: EventNormalizer = ({ eventType, payload, receivedAt }) => {
  const [type, rawAction] = split(text(payload, "webhookEvent") ?? eventType);
  const action = refinedAction(type, rawAction, payload);
  const project = first(field(payload, "issue", "fields", "project"), field(payload, "project"));
  const person = first(field(payload, "user"), field(payload, "comment", "author"));
  const actor = first(text(person, "displayName"), text(person, "name"));
  const resource = first(text(project, "name"), text(project, "key"));
  return {
    source: "jira",
    type,
    action,
    actor,
    resource,
    url: first(browseUrl(field(payload, "issue")), text(payload, "project", "self")),
    summary: `${actor ?? "Someone"} ${describe(type, action, payload)}${resource ? ` in ${resource}` : ""}`,
    occurredAt: first(date(payload, "timestamp"), receivedAt) ?? new Date(),
    // Cloud names people by accountId; Data Center by key or name.
    actorId: first(text(person, "accountId"), text(person, "key"), text(person, "name")),
    resourceIds: [text(project, "key"), text(project, "id")].filter((value): value is string => value !== null),
  };
};
