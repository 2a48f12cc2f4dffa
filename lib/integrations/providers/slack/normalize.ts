// Slack payloads as org events: Events API callbacks (type = the inner event's type,
// action = its subtype) and interactivity payloads (type = "block_actions",
// "view_submission", …; action = the action or callback id). Handshakes and rate-limit
// notices are not events (null). Slack names people and channels by id only.
// No "server-only" marker: the worker (plain Node) loads this.
import { date, field, first, list, oneLine, text, words } from "../../events/payload";
import type { EventNormalizer, NormalizedEvent } from "../../types";

const NOT_EVENTS = new Set(["url_verification", "app_rate_limited"]);

const quoted = (value: string | null) => (value ? `: “${oneLine(value, 100)}”` : "");

function describeEvent(event: unknown): string {
  const type = text(event, "type") ?? "event";
  const subtype = text(event, "subtype");
  switch (type) {
    case "message":
      if (subtype === "message_changed") return "edited a message";
      if (subtype === "message_deleted") return "deleted a message";
      if (subtype === "channel_join") return "joined the channel";
      return `posted a message${quoted(text(event, "text"))}`;
    case "app_mention":
      return `mentioned the app${quoted(text(event, "text"))}`;
    case "reaction_added":
    case "reaction_removed":
      return `${type === "reaction_added" ? "reacted with" : "removed"} :${text(event, "reaction") ?? "?"}:`;
    case "member_joined_channel":
      return "joined the channel";
    case "channel_created":
      return `created channel #${text(event, "channel", "name") ?? "?"}`;
    default:
      return `${words(type)}${subtype ? ` (${words(subtype)})` : ""}`;
  }
}

function fromEventCallback(payload: unknown, receivedAt?: Date): NormalizedEvent {
  const event = field(payload, "event");
  const channelId = first(text(event, "channel"), text(event, "channel", "id"), text(event, "item", "channel"));
  const resource = first(text(event, "channel", "name"), channelId);
  const actorId = first(text(event, "user"), text(event, "user", "id"), text(event, "bot_id"));
  const actor = first(text(event, "user", "name"), text(event, "bot_profile", "name"), text(event, "username"), actorId);
  return {
    source: "slack",
    type: text(event, "type") ?? "event",
    action: text(event, "subtype"),
    actor,
    resource,
    url: null,
    summary: `${actor ?? "Someone"} ${describeEvent(event)}${resource ? ` in ${resource}` : ""}`,
    occurredAt: first(date(event, "ts"), date(event, "event_ts"), date(payload, "event_time"), receivedAt) ?? new Date(),
    actorId,
    resourceIds: channelId ? [channelId] : [],
  };
}

function fromInteraction(payload: unknown, receivedAt?: Date): NormalizedEvent {
  const type = text(payload, "type") ?? "interaction";
  const firstAction = list(payload, "actions")[0];
  const action = first(text(firstAction, "action_id"), text(payload, "callback_id"), text(payload, "view", "callback_id"));
  const actorId = text(payload, "user", "id");
  const actor = first(text(payload, "user", "username"), text(payload, "user", "name"), actorId);
  const channelId = text(payload, "channel", "id");
  const resource = first(text(payload, "channel", "name"), channelId);
  return {
    source: "slack",
    type,
    action,
    actor,
    resource,
    // Never the payload's response_url: it lets whoever holds it post as the app.
    url: null,
    summary: `${actor ?? "Someone"} ${words(type)}${action ? ` ${action}` : ""}${resource ? ` in ${resource}` : ""}`,
    occurredAt: first(date(firstAction, "action_ts"), date(payload, "action_ts"), receivedAt) ?? new Date(),
    actorId,
    resourceIds: channelId ? [channelId] : [],
  };
}

export const normalize: EventNormalizer = ({ eventType, payload, receivedAt }) => {
  const kind = text(payload, "type") ?? eventType;
  if (NOT_EVENTS.has(kind)) return null;
  return kind === "event_callback" ? fromEventCallback(payload, receivedAt) : fromInteraction(payload, receivedAt);
};
