// What a notification rule can listen to: each source's normalized event names
// ("type.action", as in the activity feed) and the kind of resource it concerns.
import type { ResourceKind } from "@/lib/integrations/queries";

export type RuleSource = "github" | "gitlab" | "jira" | "linear" | "slack" | "bastion";

export const RULE_SOURCES: { id: RuleSource; label: string; resourceKind: ResourceKind | null; events: string[] }[] = [
  { id: "github", label: "GitHub", resourceKind: "repository", events: ["push", "pull_request.opened", "pull_request.closed", "issues.opened", "issue_comment.created", "release.published", "workflow_run.completed"] },
  { id: "gitlab", label: "GitLab", resourceKind: "project", events: ["push", "merge_request.open", "merge_request.merge", "pipeline.failed", "issue.open"] },
  { id: "jira", label: "Jira", resourceKind: "project", events: ["issue.created", "issue.updated", "comment.created"] },
  { id: "linear", label: "Linear", resourceKind: "team", events: ["issue.create", "issue.update", "issue.assigned", "comment.create"] },
  { id: "slack", label: "Slack", resourceKind: "channel", events: ["message", "app_mention"] },
  { id: "bastion", label: "Bastion", resourceKind: null, events: ["member.joined", "secret.data_key_rotated", "billing.payment_failed"] },
];

export const sourceLabel = (id: string) => RULE_SOURCES.find((source) => source.id === id)?.label ?? id;
