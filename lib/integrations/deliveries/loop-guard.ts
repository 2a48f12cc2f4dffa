// The loop guard: events Bastion's own bot caused (a Slack message it posted, a GitHub
// comment by its app) are not recorded or routed again, or one notification could feed
// the next. The bot's ids come from the connection's check (config.botUserId, botId,
// botLogin, appId); a GitHub App's bot is also known by its slug ("<slug>[bot]").
// No "server-only" marker: the worker (plain Node) runs this.
import { env } from "../../env";
import { first, text } from "../events/payload";
import type { NormalizedEvent, Provider } from "../types";

type Connection = { provider: Provider; config: Record<string, unknown> };

const idOf = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : typeof value === "number" ? String(value) : null);

export function causedByBastion(connection: Connection, event: NormalizedEvent, payload: unknown): boolean {
  const { config } = connection;
  const ownIds = [idOf(config.botUserId), idOf(config.botId)].filter((id): id is string => id !== null);
  if (event.actorId !== null && ownIds.includes(event.actorId)) return true;

  if (connection.provider === "github") {
    if (text(payload, "sender", "type") !== "Bot") return false;
    const login = text(payload, "sender", "login");
    const slug = env().GITHUB_APP_SLUG;
    return login !== null && (login === idOf(config.botLogin) || (slug !== undefined && login === `${slug}[bot]`));
  }
  if (connection.provider === "slack") {
    const botId = text(payload, "event", "bot_id");
    const appId = first(text(payload, "event", "app_id"), text(payload, "event", "bot_profile", "app_id"));
    return (botId !== null && ownIds.includes(botId)) || (appId !== null && appId === idOf(config.appId));
  }
  return false;
}
