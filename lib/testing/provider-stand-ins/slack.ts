// Slack's Web API as @slack/web-api calls it (POST /api/<method>, form bodies, the
// bot token as Bearer; HTTP 200 with ok:false for refusals): auth.test,
// conversations.list (cursor pagination), chat.postMessage (messages kept in
// `messages` for tests to read), oauth.v2.access (install code exchange, and refresh
// when token rotation is on), plus the install page /oauth/v2/authorize on the web side.
// Plain Node only: the browser tests' global setup loads the stand-ins.
import { randomBytes } from "node:crypto";
import { standInCredentials } from "./credentials";
import { json, startStandInServer, type StandInReply, type StandInRequest, type StandInServer } from "./http";

const creds = standInCredentials.slack;
const channel = (id: string, name: string, extra: object = {}) => ({ id, name, is_channel: true, is_private: false, is_archived: false, is_member: true, ...extra });
const channels = [channel("C0GENERAL", "general"), channel("C0DEPLOYS", "deploys"), channel("C0ALERTS", "alerts"), channel("C0OLD", "old-news", { is_archived: true }), channel("G0SECRET", "leadership", { is_private: true })];

export type SlackMessageReceived = { channel: string; text: string; blocks: unknown; ts: string; at: Date };

export type SlackStandIn = StandInServer & {
  messages: SlackMessageReceived[];
  /** Invalidates rotating access tokens issued so far (their refresh tokens keep working). */
  expireAccessTokens(): void;
};

const ok = (body: object): StandInReply => json(200, { ok: true, ...body });
const refused = (error: string): StandInReply => json(200, { ok: false, error });

export async function startSlackStandIn(options: { port?: number; tokenRotation?: boolean } = {}): Promise<SlackStandIn> {
  const messages: SlackMessageReceived[] = [];
  const tokens = new Map<string, number>([[creds.botToken, Infinity]]);
  const refreshTokens = new Set<string>();
  const codes = new Map<string, string>();
  let sequence = 100;

  function issue(): Record<string, unknown> {
    const rotation = options.tokenRotation ?? false;
    const accessToken = `${rotation ? "xoxe.xoxb-1-" : "xoxb-"}${randomBytes(16).toString("hex")}`;
    tokens.set(accessToken, rotation ? Date.now() + 43_200_000 : Infinity);
    if (!rotation) return { access_token: accessToken };
    const refreshToken = `xoxe-1-${randomBytes(16).toString("hex")}`;
    refreshTokens.add(refreshToken);
    return { access_token: accessToken, refresh_token: refreshToken, expires_in: 43_200 };
  }

  function oauthAccess(params: URLSearchParams): StandInReply {
    if (params.get("client_id") !== creds.clientId) return refused("invalid_client_id");
    if (params.get("client_secret") !== creds.clientSecret) return refused("bad_client_secret");
    if (params.get("grant_type") === "refresh_token") {
      const refreshToken = params.get("refresh_token") ?? "";
      if (!refreshTokens.delete(refreshToken)) return refused("invalid_refresh_token");
      return ok({ token_type: "bot", ...issue() });
    }
    const redirectUri = codes.get(params.get("code") ?? "");
    codes.delete(params.get("code") ?? "");
    if (redirectUri === undefined) return refused("invalid_code");
    if (redirectUri !== (params.get("redirect_uri") ?? "")) return refused("bad_redirect_uri");
    return ok({ ...issue(), token_type: "bot", scope: "channels:read,groups:read,chat:write", bot_user_id: creds.botUserId, app_id: "A0STANDIN", team: { id: creds.teamId, name: "Acme" }, enterprise: null, is_enterprise_install: false, authed_user: { id: "U0ADMIN" } });
  }

  function api(method: string, params: URLSearchParams): StandInReply {
    if (method === "auth.test") return ok({ url: "https://acme-standin.slack.com/", team: "Acme", user: "bastion", team_id: creds.teamId, user_id: creds.botUserId, bot_id: creds.botId, is_enterprise_install: false });
    if (method === "conversations.list") {
      const visible = channels.filter((candidate) => params.get("exclude_archived") !== "true" || !candidate.is_archived);
      const start = Number(Buffer.from(params.get("cursor") ?? "", "base64url").toString("utf8").replace("offset:", "") || 0);
      const limit = Math.min(Number(params.get("limit") ?? 100), 2);
      const next = start + limit < visible.length ? Buffer.from(`offset:${start + limit}`).toString("base64url") : "";
      return ok({ channels: visible.slice(start, start + limit), response_metadata: { next_cursor: next } });
    }
    if (method === "chat.postMessage") {
      const target = channels.find((candidate) => candidate.id === params.get("channel") || `#${candidate.name}` === params.get("channel") || candidate.name === params.get("channel"));
      if (!target) return refused("channel_not_found");
      if (target.is_archived) return refused("is_archived");
      if (!params.get("text") && !params.get("blocks")) return refused("no_text");
      const ts = `${Math.floor(Date.now() / 1000)}.${String((sequence += 1)).padStart(6, "0")}`;
      const blocks = params.get("blocks") ? JSON.parse(params.get("blocks")!) : null;
      messages.push({ channel: target.id, text: params.get("text") ?? "", blocks, ts, at: new Date() });
      return ok({ channel: target.id, ts, message: { type: "message", text: params.get("text"), user: creds.botUserId, bot_id: creds.botId, ts } });
    }
    return refused("unknown_method");
  }

  function handle(request: StandInRequest): StandInReply {
    if (request.method === "GET" && request.path === "/oauth/v2/authorize") return authorize(request, codes);
    // Not Slack's: lets a test in another process (the browser tests) read what was posted.
    if (request.method === "GET" && request.path === "/_stand-in/messages") return json(200, { messages });
    const method = /^\/api\/([\w.]+)$/.exec(request.path)?.[1];
    if (!method || request.method !== "POST") return json(404, { ok: false, error: "unknown_method" });
    const params = request.form();
    if (method === "oauth.v2.access") return oauthAccess(params);
    const token = request.auth()?.value ?? params.get("token") ?? "";
    if (!token) return refused("not_authed");
    if ((tokens.get(token) ?? 0) <= Date.now()) return refused(tokens.has(token) ? "token_expired" : "invalid_auth");
    return api(method, params);
  }

  const server = await startStandInServer(handle, options);
  const expireAccessTokens = () => {
    for (const [token, expiresAt] of tokens) if (expiresAt !== Infinity) tokens.set(token, 0);
  };
  return { ...server, messages, expireAccessTokens };
}

/** The workspace admin approves at once: back to redirect_uri with a code and the state. */
function authorize(request: StandInRequest, codes: Map<string, string>): StandInReply {
  const redirectUri = request.query.get("redirect_uri");
  if (request.query.get("client_id") !== creds.clientId || !redirectUri) return { status: 400, body: "<!doctype html><p>Invalid client_id parameter</p>" };
  const code = `${Date.now()}.${randomBytes(8).toString("hex")}`;
  codes.set(code, redirectUri);
  const target = new URL(redirectUri);
  target.searchParams.set("code", code);
  if (request.query.get("state")) target.searchParams.set("state", request.query.get("state")!);
  return { status: 302, headers: { location: target.toString() } };
}
