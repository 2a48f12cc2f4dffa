// What a notification rule can listen to: each source's normalized event names
// ("type.action", as lib/integrations/providers/*/normalize.ts and events/bastion.ts name
// them) and the kind of resource it concerns.
import type { ResourceKind } from "@/lib/integrations/queries";

export type RuleSource = "github" | "gitlab" | "jira" | "linear" | "slack" | "bastion";

export const RULE_SOURCES: { id: RuleSource; label: string; resourceKind: ResourceKind | null; events: string[] }[] = [
  { id: "github", label: "GitHub", resourceKind: "repository", events: ["push", "pull_request.opened", "pull_request.closed", "issues.opened", "issue_comment.created", "release.published", "workflow_run.completed"] },
  { id: "gitlab", label: "GitLab", resourceKind: "project", events: ["push", "merge_request.opened", "merge_request.merged", "pipeline.failed", "issue.opened"] },
  { id: "jira", label: "Jira", resourceKind: "project", events: ["issue.created", "issue.updated", "issue.assigned", "comment.created"] },
  { id: "linear", label: "Linear", resourceKind: "team", events: ["issue.created", "issue.updated", "issue.assigned", "comment.created"] },
  { id: "slack", label: "Slack", resourceKind: "channel", events: ["message", "app_mention"] },
  { id: "bastion", label: "Bastion", resourceKind: null, events: ["member.joined", "secret.rotated", "payment.failed"] },
];

export const sourceLabel = (id: string) => RULE_SOURCES.find((source) => source.id === id)?.label ?? id;

/** A Slack channel as people write it; synced names already carry the "#". */
export const channelLabel = (name: string) => (name.startsWith("#") ? name : `#${name}`);
