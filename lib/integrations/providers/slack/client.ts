// Slack's outbound half for a bot token from the OAuth v2 install: check with
// auth.test (workspace, the bot's user and bot ids for the loop guard), sync with
// conversations.list (public and private channels the bot can see, cursor-paginated).
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import type { ProviderClient, SyncedResource } from "../../types";
import { withSlack } from "./api";

type Channel = { id?: string; name?: string; is_archived?: boolean };

export const client: ProviderClient = {
  check: (call) =>
    withSlack(call, async (slack) => {
      const me = await slack.auth.test();
      return {
        name: me.team ?? me.team_id ?? "Slack",
        externalId: me.team_id ?? null,
        tokenExpiresAt: call.connection.tokenExpiresAt ?? null,
        config: { teamName: me.team ?? null, workspaceUrl: me.url ?? null, botUserId: me.user_id ?? null, botId: me.bot_id ?? null },
      };
    }),
  sync: (call) =>
    withSlack(call, async (slack) => {
      const workspaceUrl = typeof call.connection.config.workspaceUrl === "string" ? call.connection.config.workspaceUrl.replace(/\/+$/, "") : null;
      const channels: SyncedResource[] = [];
      for await (const page of slack.paginate("conversations.list", { types: "public_channel,private_channel", exclude_archived: true, limit: 200 })) {
        for (const channel of ((page as { channels?: Channel[] }).channels ?? [])) {
          if (!channel.id || channel.is_archived) continue;
          channels.push({ kind: "channel", externalId: channel.id, name: `#${channel.name ?? channel.id}`, url: workspaceUrl ? `${workspaceUrl}/archives/${channel.id}` : null });
        }
      }
      return channels;
    }),
};
