// GitLab webhook payloads as org events. The payload's own `object_kind` names the type
// (the X-Gitlab-Event header, "Merge Request Hook", is only a fallback); actions are put
// in the past tense ("open" → "opened"), and a pipeline's or job's action is its status,
// so a rule can ask for "pipeline.failed".
// No "server-only" marker: the worker (plain Node) loads this.
import { date, field, first, list, oneLine, text, words } from "../../events/payload";
import type { EventNormalizer } from "../../types";

const PAST: Record<string, string> = { open: "opened", close: "closed", reopen: "reopened", update: "updated", create: "created", delete: "deleted", merge: "merged" };
const past = (action: string | null) => (action ? (PAST[action] ?? action) : null);
const ZERO_SHA = /^0+$/;

/** "Merge Request Hook" → "merge_request"; GitLab calls a job's payload kind "build". */
function kindOf(eventType: string, payload: unknown): string {
  const kind = text(payload, "object_kind") ?? eventType.replace(/ Hook$/, "").trim().toLowerCase().replace(/\s+/g, "_");
  return kind === "build" ? "job" : kind;
}

function actionOf(kind: string, payload: unknown): string | null {
  const attributes = field(payload, "object_attributes");
  if (kind === "pipeline") return text(attributes, "status");
  if (kind === "job") return text(payload, "build_status");
  if (kind === "deployment") return text(payload, "status");
  if (kind === "push" || kind === "tag_push") return ZERO_SHA.test(text(payload, "after") ?? "") ? "deleted" : null;
  return past(first(text(attributes, "action"), text(payload, "action")));
}

/** A pipeline's or job's status as words; the action keeps GitLab's own status name. */
const STATUS: Record<string, string> = { success: "succeeded", canceled: "was canceled", running: "is running", pending: "is pending", skipped: "was skipped", created: "was created", manual: "awaits a manual action" };
const status = (action: string | null) => (action ? (STATUS[action] ?? words(action)) : "changed");

const quoted = (value: string | null) => (value ? ` “${oneLine(value, 80)}”` : "");
const NOTEABLE: Record<string, [string, string]> = { MergeRequest: ["merge request !", "merge_request"], Issue: ["issue #", "issue"], Commit: ["commit ", "commit"], Snippet: ["snippet $", "snippet"] };

function describe(kind: string, action: string | null, payload: unknown): string {
  const attributes = field(payload, "object_attributes");
  const ref = (text(payload, "ref") ?? "").replace(/^refs\/(heads|tags)\//, "");
  switch (kind) {
    case "push": {
      if (action === "deleted") return `deleted branch ${ref}`;
      const count = Number(text(payload, "total_commits_count") ?? list(payload, "commits").length);
      return `pushed ${count} commit${count === 1 ? "" : "s"} to ${ref}`;
    }
    case "tag_push":
      return `${action === "deleted" ? "deleted" : "pushed"} tag ${ref}`;
    case "merge_request":
      return `${words(action)} merge request !${text(attributes, "iid") ?? "?"}${quoted(text(attributes, "title"))}`;
    case "issue":
    case "work_item":
      return `${words(action)} ${kind === "issue" ? "issue" : (text(attributes, "type")?.toLowerCase() ?? "work item")} #${text(attributes, "iid") ?? "?"}${quoted(text(attributes, "title"))}`;
    case "note": {
      const [label, key] = NOTEABLE[text(attributes, "noteable_type") ?? ""] ?? ["", ""];
      const target = field(payload, key);
      const id = key === "commit" ? (text(target, "id")?.slice(0, 8) ?? "") : (text(target, "iid") ?? "");
      return `${action === "updated" ? "edited a comment on" : "commented on"} ${label}${id}${quoted(text(target, "title"))}`.trim();
    }
    case "pipeline":
      return `pipeline #${text(attributes, "iid") ?? text(attributes, "id") ?? "?"} on ${text(attributes, "ref") ?? "?"} ${status(action)}`;
    case "job":
      return `job “${oneLine(text(payload, "build_name"), 80)}” on ${text(payload, "ref") ?? "?"} ${status(action)}`;
    case "deployment":
      return `deployment to ${text(payload, "environment") ?? "?"} ${words(action)}`;
    case "release":
      return `${words(action)} release ${oneLine(first(text(payload, "name"), text(payload, "tag")), 80) ?? ""}`.trim();
    default:
      return `${words(kind)}${action ? ` ${words(action)}` : ""}`;
  }
}

function urlOf(kind: string, payload: unknown): string | null {
  const projectUrl = first(text(payload, "project", "web_url"), text(payload, "repository", "homepage"));
  if (kind === "push") {
    const commits = list(payload, "commits");
    return first(text(commits.at(-1), "url"), projectUrl);
  }
  if (kind === "job" && projectUrl) return `${projectUrl}/-/jobs/${text(payload, "build_id") ?? ""}`;
  if (kind === "pipeline" && projectUrl) return first(text(payload, "object_attributes", "url"), `${projectUrl}/-/pipelines/${text(payload, "object_attributes", "id") ?? ""}`);
  return first(text(payload, "object_attributes", "url"), text(payload, "url"), projectUrl);
}

/** "root opened merge request !1 … in group/project"; status events read better with the actor last. */
function sentence(kind: string, actor: string | null, what: string, resource: string | null): string {
  const place = resource ? ` in ${resource}` : "";
  if (["push", "tag_push", "merge_request", "issue", "work_item", "note", "release"].includes(kind)) return `${actor ?? "Someone"} ${what}${place}`;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}${place}${actor ? ` (${actor})` : ""}`;
}

export const normalize: EventNormalizer = ({ eventType, payload, receivedAt }) => {
  const kind = kindOf(eventType, payload);
  const action = actionOf(kind, payload);
  const resource = first(text(payload, "project", "path_with_namespace"), text(payload, "project_name"));
  const actor = first(text(payload, "user", "username"), text(payload, "user_username"), text(payload, "user", "name"), text(payload, "user_name"));
  const summary = describe(kind, action, payload);
  const attributes = field(payload, "object_attributes");
  return {
    source: "gitlab",
    type: kind,
    action,
    actor,
    resource,
    url: urlOf(kind, payload),
    summary: sentence(kind, actor, summary, resource),
    occurredAt: first(date(attributes, "updated_at"), date(attributes, "finished_at"), receivedAt) ?? new Date(),
    actorId: first(text(payload, "user", "id"), text(payload, "user_id")),
    resourceIds: [text(payload, "project", "id"), text(payload, "project_id")].filter((value): value is string => value !== null),
  };
};
