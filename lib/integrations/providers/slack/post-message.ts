// Posts one message with chat.postMessage as the connection's bot (notification rules).
// No "server-only" marker: the worker (plain Node) posts notifications.
import type { KnownBlock } from "@slack/web-api";
import type { ProviderCall } from "../../types";
import { withSlack } from "./api";

export type SlackMessage = {
  /** A channel id (C…) or name; the bot must be a member of private channels. */
  channel: string;
  /** Plain text: the notification itself without blocks, and its fallback with them. */
  text: string;
  blocks?: KnownBlock[];
};

export function postSlackMessage(call: ProviderCall, message: SlackMessage): Promise<{ ts: string; channel: string }> {
  return withSlack(call, async (slack) => {
    const answer = await slack.chat.postMessage({ channel: message.channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    return { ts: answer.ts ?? "", channel: answer.channel ?? message.channel };
  });
}
