// Turns whatever an SDK threw into a ProviderError. Each SDK has its own error shape
// (Octokit's RequestError, axios errors under jira.js, Slack's coded errors, Linear's
// LinearError); all we keep is the status, the provider's short reason and Retry-After.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import type { Provider } from "../types";
import { kindForStatus, ProviderError, withoutSecrets, type ProviderErrorKind } from "./errors";

type Loose = Record<string, unknown> | undefined;

/** A ProviderError the SDK wrapped (our fetch threw it: a timeout, an unreachable host). */
export function findProviderError(error: unknown): ProviderError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof ProviderError) return current;
    const next = current as { cause?: unknown; original?: unknown };
    current = next.cause ?? next.original;
  }
  return null;
}

export function toProviderError(provider: Provider, error: unknown, secrets: Iterable<string> = []): ProviderError {
  const wrapped = findProviderError(error);
  if (wrapped) return wrapped;
  const slack = slackError(error);
  if (slack) return new ProviderError(provider, slack.kind, withoutSecrets(slack.message, secrets), slack.status, slack.retryAfter);
  const status = statusOf(error);
  const reason = withoutSecrets(reasonOf(error) ?? "the call failed", secrets);
  const kind: ProviderErrorKind = status === null ? "failed" : kindForStatus(status);
  return new ProviderError(provider, kind, status === null ? reason : `${status} ${reason}`, status, retryAfterOf(error));
}

function statusOf(error: unknown): number | null {
  const e = error as Loose;
  const candidates = [e?.status, (e?.response as Loose)?.status, e?.statusCode];
  const status = candidates.find((value) => typeof value === "number" && value >= 100);
  return (status as number | undefined) ?? null;
}

/** The provider's own short explanation, from the body it answered with. */
function reasonOf(error: unknown): string | null {
  const e = error as Loose;
  const data = ((e?.response as Loose)?.data ?? (e?.raw as Loose)?.response) as Loose;
  const jiraMessages = data?.errorMessages;
  const linearErrors = (e?.errors ?? data?.errors) as { message?: unknown }[] | undefined;
  const candidates = [
    Array.isArray(jiraMessages) ? jiraMessages[0] : undefined,
    Array.isArray(linearErrors) ? linearErrors[0]?.message : undefined,
    data?.message,
    data?.error_description,
    data?.error,
  ];
  const text = candidates.find((value) => typeof value === "string" && value.length > 0);
  if (typeof text === "string") return text;
  return typeof e?.message === "string" && e.message ? e.message.split("\n")[0]! : null;
}

function retryAfterOf(error: unknown): number | null {
  const e = error as Loose;
  if (typeof e?.retryAfter === "number") return e.retryAfter;
  const headers = (e?.response as Loose)?.headers as Loose | Headers | undefined;
  const value = headers instanceof Headers ? headers.get("retry-after") : (headers?.["retry-after"] as unknown);
  const seconds = Number(value);
  return value !== undefined && value !== null && Number.isFinite(seconds) ? seconds : null;
}

const SLACK_UNAUTHORIZED = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "invalid_refresh_token", "invalid_code", "bad_client_secret", "invalid_client_id"]);
const SLACK_FORBIDDEN = new Set(["missing_scope", "not_allowed_token_type", "no_permission", "ekm_access_denied", "not_in_channel", "restricted_action"]);
const SLACK_NOT_FOUND = new Set(["channel_not_found", "user_not_found", "team_not_found"]);

/** Slack answers HTTP 200 with `ok: false` and an error code; the SDK raises coded errors. */
function slackError(error: unknown): { kind: ProviderErrorKind; message: string; status: number | null; retryAfter: number | null } | null {
  const e = error as Loose;
  if (typeof e?.code !== "string" || !e.code.startsWith("slack_")) return null;
  if (e.code === "slack_webapi_platform_error") {
    const code = String((e.data as Loose)?.error ?? "unknown_error");
    const kind = SLACK_UNAUTHORIZED.has(code) ? "unauthorized" : SLACK_FORBIDDEN.has(code) ? "forbidden" : SLACK_NOT_FOUND.has(code) ? "not_found" : "failed";
    return { kind, message: code, status: null, retryAfter: null };
  }
  if (e.code === "slack_webapi_rate_limited_error") {
    const retryAfter = typeof e.retryAfter === "number" ? e.retryAfter : null;
    return { kind: "rate_limited", message: "rate limited", status: 429, retryAfter };
  }
  if (e.code === "slack_webapi_http_error") {
    const status = typeof e.statusCode === "number" ? e.statusCode : 500;
    return { kind: kindForStatus(status), message: `HTTP ${status}`, status, retryAfter: null };
  }
  return { kind: "unavailable", message: "request failed", status: null, retryAfter: null };
}
