// Where a rule may post: an active Slack connection of the rule's own org and, once that
// connection has synced its channels, one of those channels (whose name the rule keeps).
import "server-only";
import type { Tx } from "../../db";
import { Invalid } from "../../errors";

export async function resolveSlackChannel(tx: Tx, orgId: string, input: { slackConnectionId: string; channelId: string; channelName?: string }) {
  const connection = await tx.integrationConnection.findFirst({ where: { id: input.slackConnectionId, orgId, provider: "slack", status: "active" }, select: { id: true } });
  if (!connection) {
    throw new Invalid("Choose an active Slack connection of this organization", [{ path: "slackConnectionId", message: "not an active Slack connection here" }]);
  }
  const channels = await tx.integrationResource.findMany({ where: { connectionId: connection.id, orgId, kind: "channel" }, select: { externalId: true, name: true } });
  if (channels.length === 0) return { channelId: input.channelId, channelName: input.channelName ?? input.channelId };
  const channel = channels.find((candidate) => candidate.externalId === input.channelId);
  if (!channel) throw new Invalid("Choose one of the connection's synced channels", [{ path: "channelId", message: "not a synced channel of this Slack connection" }]);
  return { channelId: channel.externalId, channelName: channel.name };
}
