// Linear webhook payloads ({ action, type, data, actor, url, updatedFrom, … }) as org
// events: type "Issue" → issue, "ProjectUpdate" → project_update; actions in the past
// tense. An issue update that set its assignee becomes issue.assigned, so a rule can ask
// for "Linear issue assigned".
// No "server-only" marker: the worker (plain Node) loads this.
import { date, field, first, oneLine, text, words } from "../../events/payload";
import type { EventNormalizer } from "../../types";

const PAST: Record<string, string> = { create: "created", update: "updated", remove: "removed", restore: "restored" };

/** "ProjectUpdate" → "project_update". */
const snake = (value: string) => value.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

function actionOf(type: string, action: string | null, payload: unknown): string | null {
  const done = action ? (PAST[action] ?? action) : null;
  if (type === "issue" && done === "updated") {
    const before = field(payload, "updatedFrom");
    const assignedNow = text(payload, "data", "assigneeId") ?? text(payload, "data", "assignee", "id");
    if (before && typeof before === "object" && "assigneeId" in before && assignedNow) return "assigned";
  }
  return done;
}

const quoted = (value: string | null) => (value ? ` “${oneLine(value, 80)}”` : "");

function describe(type: string, action: string | null, data: unknown): string {
  switch (type) {
    case "issue": {
      const name = `${["issue", text(data, "identifier")].filter(Boolean).join(" ")}${quoted(text(data, "title"))}`;
      if (action === "assigned") return `assigned ${name} to ${text(data, "assignee", "name") ?? "someone"}`;
      return `${words(action)} ${name}`;
    }
    case "comment": {
      const issue = field(data, "issue");
      const on = `${text(issue, "identifier") ?? "an issue"}${quoted(text(issue, "title"))}`;
      return action === "created" ? `commented on ${on}` : `${words(action)} a comment on ${on}`;
    }
    case "project":
    case "cycle":
    case "initiative":
    case "document":
      return `${words(action)} ${type}${quoted(first(text(data, "name"), text(data, "title")))}`;
    default:
      return `${words(action ?? "changed")} ${words(type)}`;
  }
}

export const normalize: EventNormalizer = ({ eventType, payload, receivedAt }) => {
  const type = snake(text(payload, "type") ?? eventType);
  const action = actionOf(type, text(payload, "action"), payload);
  const data = field(payload, "data");
  const team = first(field(data, "team"), field(data, "issue", "team"));
  const actor = first(text(payload, "actor", "name"), text(data, "user", "name"), text(data, "creator", "name"));
  const resource = first(text(team, "name"), text(team, "key"));
  return {
    source: "linear",
    type,
    action,
    actor,
    resource,
    url: first(text(payload, "url"), text(data, "url")),
    summary: `${actor ?? "Someone"} ${describe(type, action, data)}${resource ? ` in ${resource}` : ""}`,
    occurredAt: first(date(data, "updatedAt"), date(payload, "createdAt"), receivedAt) ?? new Date(),
    actorId: first(text(payload, "actor", "id"), text(data, "userId"), text(data, "creatorId")),
    resourceIds: [text(team, "key"), text(team, "id"), text(data, "teamId")].filter((value): value is string => value !== null),
  };
};
