// GitHub webhook payloads (X-GitHub-Event + the payload's `action`) as org events. Every
// event but `ping` becomes one; types without a describer below get a generic summary.
// No "server-only" marker: the worker (plain Node) loads this.
import { bool, date, field, first, list, oneLine, text, words } from "../../events/payload";
import type { EventNormalizer } from "../../types";

/** `status` summaries (checks, workflows, deployments) name the actor last: "Workflow “CI” completed (failure) … (octocat)". */
type Described = { summary: string; url?: string | null; occurredAt?: Date | null; status?: true };
type Describer = (payload: unknown, action: string | null) => Described;

const numbered = (kind: string, item: unknown) => `${kind} #${text(item, "number") ?? "?"}${title(item)}`;
const title = (item: unknown) => {
  const value = oneLine(text(item, "title") ?? text(item, "name"), 80);
  return value ? ` “${value}”` : "";
};

const DESCRIBERS: Record<string, Describer> = {
  push(payload) {
    const ref = text(payload, "ref") ?? "";
    const kind = ref.startsWith("refs/tags/") ? "tag" : "branch";
    const name = ref.replace(/^refs\/(heads|tags)\//, "");
    const commits = list(payload, "commits").length;
    const url = text(payload, "compare");
    const occurredAt = date(payload, "head_commit", "timestamp");
    if (bool(payload, "deleted")) return { summary: `deleted ${kind} ${name}`, url, occurredAt };
    if (commits === 0) return { summary: `${bool(payload, "created") ? "created" : "pushed"} ${kind} ${name}`, url, occurredAt };
    return { summary: `pushed ${commits} commit${commits === 1 ? "" : "s"} to ${name}`, url, occurredAt };
  },
  pull_request(payload, action) {
    const pr = field(payload, "pull_request");
    const verb = action === "closed" && bool(pr, "merged") ? "merged" : words(action);
    return { summary: `${verb} ${numbered("pull request", pr)}`, url: text(pr, "html_url"), occurredAt: date(pr, "updated_at") };
  },
  issues(payload, action) {
    const issue = field(payload, "issue");
    return { summary: `${words(action)} ${numbered("issue", issue)}`, url: text(issue, "html_url"), occurredAt: date(issue, "updated_at") };
  },
  issue_comment(payload, action) {
    const issue = field(payload, "issue");
    const on = field(issue, "pull_request") ? "pull request" : "issue";
    const verb = action === "created" ? "commented on" : `${words(action)} a comment on`;
    return { summary: `${verb} ${numbered(on, issue)}`, url: text(payload, "comment", "html_url"), occurredAt: date(payload, "comment", "updated_at") };
  },
  pull_request_review(payload, action) {
    const state = words(text(payload, "review", "state")?.toLowerCase() ?? null);
    const verb = action === "submitted" ? `reviewed (${state})` : `${words(action)} a review of`;
    return { summary: `${verb} ${numbered("pull request", field(payload, "pull_request"))}`, url: text(payload, "review", "html_url") };
  },
  pull_request_review_comment(payload, action) {
    const verb = action === "created" ? "commented on" : `${words(action)} a review comment on`;
    return { summary: `${verb} ${numbered("pull request", field(payload, "pull_request"))}`, url: text(payload, "comment", "html_url") };
  },
  release(payload, action) {
    const release = field(payload, "release");
    const name = oneLine(first(text(release, "name"), text(release, "tag_name")), 80) ?? "a release";
    return { summary: `${words(action)} release ${name}`, url: text(release, "html_url") };
  },
  workflow_run(payload, action) {
    const run = field(payload, "workflow_run");
    const outcome = action === "completed" ? ` (${text(run, "conclusion") ?? "no conclusion"})` : "";
    return { summary: `Workflow “${oneLine(text(run, "name"), 80)}” ${words(action)}${outcome} on ${text(run, "head_branch") ?? "?"}`, url: text(run, "html_url"), status: true };
  },
  check_run(payload, action) {
    const check = field(payload, "check_run");
    const outcome = text(check, "conclusion") ? ` (${text(check, "conclusion")})` : "";
    return { summary: `Check “${oneLine(text(check, "name"), 80)}” ${words(action)}${outcome}`, url: text(check, "html_url"), status: true };
  },
  create: (payload) => ({ summary: `created ${text(payload, "ref_type") ?? "ref"} ${text(payload, "ref") ?? ""}`.trim() }),
  delete: (payload) => ({ summary: `deleted ${text(payload, "ref_type") ?? "ref"} ${text(payload, "ref") ?? ""}`.trim() }),
  star: (_payload, action) => ({ summary: action === "deleted" ? "unstarred the repository" : "starred the repository" }),
  fork: (payload) => ({ summary: `forked the repository to ${text(payload, "forkee", "full_name") ?? "?"}`, url: text(payload, "forkee", "html_url") }),
  deployment_status(payload) {
    const status = field(payload, "deployment_status");
    return { summary: `Deployment to ${text(payload, "deployment", "environment") ?? "?"}: ${text(status, "state") ?? "?"}`, url: first(text(status, "target_url"), text(status, "log_url")), status: true };
  },
};

export const normalize: EventNormalizer = ({ eventType, action: storedAction, payload, receivedAt }) => {
  if (eventType === "ping") return null;
  const action = storedAction ?? text(payload, "action");
  const resource = first(text(payload, "repository", "full_name"), text(payload, "organization", "login"), text(payload, "installation", "account", "login"));
  const actor = first(text(payload, "sender", "login"), text(payload, "pusher", "name"));
  const describe = DESCRIBERS[eventType];
  const described: Partial<Described> = describe?.(payload, action) ?? {};
  const place = resource ? ` in ${resource}` : "";
  let summary: string;
  if (!describe) summary = `${words(eventType)}${action ? ` ${words(action)}` : ""}${actor ? ` by ${actor}` : ""}${place}`;
  else if (described.status) summary = `${described.summary}${place}${actor ? ` (${actor})` : ""}`;
  else summary = `${actor ?? "Someone"} ${described.summary}${place}`;
  return {
    source: "github",
    type: eventType,
    action,
    actor,
    resource,
    url: first(described.url, text(payload, "repository", "html_url")),
    summary,
    occurredAt: first(described.occurredAt, receivedAt) ?? new Date(),
    actorId: text(payload, "sender", "id"),
    resourceIds: [text(payload, "repository", "id")].filter((value): value is string => value !== null),
  };
};
