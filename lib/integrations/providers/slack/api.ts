// Slack's WebClient for one bot token: slackApiUrl from SLACK_API_URL, the outbound
// policy's fetch for timeout and retries (the SDK's own retry and 429 waits are off, so
// a throttled call waits once, capped, then fails for its job to retry later), and
// refresh for apps with token rotation (oauth.v2.access, grant_type=refresh_token).
// No "server-only" marker: the worker (plain Node) posts notifications.
import { LogLevel, WebClient, type Logger } from "@slack/web-api";
import { env } from "../../../env";
import { logger } from "../../../logger";
import { ProviderError } from "../../outbound/errors";
import { policyFetch } from "../../outbound/fetch";
import type { TokenSet } from "../../outbound/oauth-token";
import { toProviderError } from "../../outbound/sdk-errors";
import { withAccessToken } from "../../outbound/token-refresh";
import type { ProviderCall } from "../../types";

// Only warnings and errors, through our logger; the SDK's debug lines are not needed.
const slackLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: (...message: unknown[]) => logger.warn({ provider: "slack" }, message.map(String).join(" ")),
  error: (...message: unknown[]) => logger.error({ provider: "slack" }, message.map(String).join(" ")),
  setLevel: () => {},
  getLevel: () => LogLevel.WARN,
  setName: () => {},
};

export function slackWebClient(token?: string): WebClient {
  return new WebClient(token, {
    slackApiUrl: `${env().SLACK_API_URL}/`,
    fetch: policyFetch("slack"),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    allowAbsoluteUrls: false,
    logger: slackLogger,
  });
}

export function slackClientSettings(): { clientId: string; clientSecret: string } | null {
  const { SLACK_CLIENT_ID, SLACK_CLIENT_SECRET } = env();
  return SLACK_CLIENT_ID && SLACK_CLIENT_SECRET ? { clientId: SLACK_CLIENT_ID, clientSecret: SLACK_CLIENT_SECRET } : null;
}

async function refreshSlackToken(refreshToken: string): Promise<TokenSet> {
  const settings = slackClientSettings();
  if (!settings) throw new ProviderError("slack", "unauthorized", "the token expired and no Slack app is configured to refresh it");
  try {
    const answer = await slackWebClient().oauth.v2.access({ client_id: settings.clientId, client_secret: settings.clientSecret, grant_type: "refresh_token", refresh_token: refreshToken });
    if (!answer.access_token) throw new ProviderError("slack", "failed", "the refresh answer had no access token");
    return { accessToken: answer.access_token, refreshToken: answer.refresh_token ?? null, expiresAt: answer.expires_in ? new Date(Date.now() + answer.expires_in * 1000) : null };
  } catch (error) {
    throw toProviderError("slack", error, [refreshToken, settings.clientSecret]);
  }
}

/** Runs `run` with a WebClient on the connection's bot token (ACCESS_TOKEN), errors as ProviderError. */
export function withSlack<T>(call: ProviderCall, run: (client: WebClient) => Promise<T>): Promise<T> {
  const secrets = () => Object.values(call.credentials);
  return withAccessToken(call, refreshSlackToken, async (token) => {
    try {
      return await run(slackWebClient(token));
    } catch (error) {
      throw toProviderError("slack", error, secrets());
    }
  }).catch((error: unknown) => {
    throw toProviderError("slack", error, secrets());
  });
}
