// One Slack message per routed event: a line naming source and event type, the summary
// linked to the event's page, and a context line (actor, resource, time, rule). Text from
// providers is escaped for Slack's mrkdwn, so a title cannot mention @channel or forge links.
// No "server-only" marker: the worker (plain Node) formats notifications.
import type { KnownBlock } from "@slack/web-api";

const SOURCES: Record<string, string> = { github: "GitHub", gitlab: "GitLab", jira: "Jira", linear: "Linear", slack: "Slack", bastion: "Bastion" };

type EventRow = { source: string; type: string; action: string | null; actor: string | null; resource: string | null; url: string | null; summary: string; occurredAt: Date };

/** Slack's three control characters in mrkdwn. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link target may not contain the characters that end Slack's <url|label> syntax. */
const linkTarget = (url: string) => url.replace(/[<>|\s]/g, (character) => encodeURIComponent(character));

export function formatNotification(event: EventRow, rule: { name: string }): { text: string; blocks: KnownBlock[] } {
  const source = SOURCES[event.source] ?? event.source;
  const eventType = event.action ? `${event.type}.${event.action}` : event.type;
  const summary = escapeMrkdwn(event.summary);
  const headline = event.url ? `<${linkTarget(event.url)}|${summary}>` : summary;
  const seconds = Math.floor(event.occurredAt.getTime() / 1000);
  const context = [
    event.actor ? escapeMrkdwn(event.actor) : null,
    event.resource ? escapeMrkdwn(event.resource) : null,
    `<!date^${seconds}^{date_short_pretty} {time}|${event.occurredAt.toISOString()}>`,
    `rule “${escapeMrkdwn(rule.name)}”`,
  ].filter((part): part is string => part !== null);
  return {
    // The notification's text where blocks are not shown (push notifications, old clients).
    text: `[${source}] ${event.summary}${event.url ? ` ${event.url}` : ""}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${source}* · \`${escapeMrkdwn(eventType)}\`\n${headline}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] },
    ],
  };
}
