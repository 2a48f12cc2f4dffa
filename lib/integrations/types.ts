// The shapes every provider adapter shares (ARCHITECTURE.md, "Integrations"): inbound
// webhook verification and parsing, event normalization, and outbound calls (check,
// sync, notify). One adapter per provider implements them under lib/integrations/providers/.
export const PROVIDERS = ["github", "gitlab", "jira", "linear", "slack"] as const;
export type Provider = (typeof PROVIDERS)[number];

export function isProvider(value: string): value is Provider {
  return (PROVIDERS as readonly string[]).includes(value);
}

/** The non-secret part of a connection, as adapters see it. */
export type ConnectionRef = {
  id: string;
  orgId: string;
  provider: Provider;
  method: string;
  baseUrl: string | null;
  externalId: string | null;
  config: Record<string, unknown>;
  /** When the stored access token expires (OAuth); an expired one is refreshed before the call. */
  tokenExpiresAt?: Date | null;
};

/** A connection's credentials by name (ACCESS_TOKEN, REFRESH_TOKEN, API_TOKEN, WEBHOOK_SECRET, SIGNING_TOKEN, …). */
export type Credentials = Record<string, string>;

/** An inbound request as the verifier sees it: the raw body, never re-serialized. */
export type InboundRequest = { headers: Headers; rawBody: Buffer; now: Date };

/** What a verified delivery is stored as. */
export type ParsedDelivery = { deliveryId: string; eventType: string; action: string | null; payload: unknown };

export type InboundResult =
  /** `ack: "empty"`: the provider wants an empty 200 (Slack's interactivity and slash commands), not the usual JSON 202. */
  | { kind: "delivery"; delivery: ParsedDelivery; ack?: "empty" }
  /** Answered at once and stored nowhere (Slack's url_verification challenge). */
  | { kind: "reply"; response: Response }
  /** "unconfigured": the connection has no secret this provider's scheme needs, so nothing can verify. */
  | { kind: "refused"; reason: RefusalReason }
  | { kind: "malformed" };

export type RefusalReason = "missing_signature" | "bad_signature" | "stale_timestamp" | "unconfigured";

/** A provider event in the org's activity feed. */
export type NormalizedEvent = {
  source: Provider | "bastion";
  /** e.g. "pull_request", "push", "issue", "pipeline", "message". */
  type: string;
  /** e.g. "opened", "created", "failed"; null when the provider has none. */
  action: string | null;
  actor: string | null;
  /** The repository, project, team or channel the event concerns (its display name). */
  resource: string | null;
  url: string | null;
  summary: string;
  occurredAt: Date;
  /** The provider's id of the acting user or bot, for the loop guard. */
  actorId: string | null;
  /** Other names of the resource a rule may use (a Jira project key, a Linear team key, ids). */
  resourceIds?: string[];
};

/** A repository, project, team or channel found by a sync. */
export type SyncedResource = { kind: "repository" | "project" | "team" | "channel"; externalId: string; name: string; url: string | null };

/** Inbound half of an adapter: lib/integrations/providers/<provider>/webhook.ts exports `webhook`. */
export type WebhookVerifier = {
  /** Names of the connection's credentials the verifier needs (e.g. ["WEBHOOK_SECRET"]). */
  credentialNames: string[];
  /** Verifies the provider's signature on the raw body, then parses it. Constant-time compares only. */
  verify(request: InboundRequest, credentials: Credentials, signing?: { unsigned: boolean }): InboundResult;
};

/**
 * The app-level inbound half, for providers whose app has ONE webhook URL for every
 * connection (GitHub App, Slack app): lib/integrations/providers/<provider>/app-webhook.ts
 * exports `appWebhook`. Verified with the app's secret, then routed by externalId.
 */
export type AppWebhook = {
  provider: Provider;
  /** The app's signing secret from the environment; unset, the app-level URL answers 404. */
  secret(): string | undefined;
  /** The per-connection verifier's checks and parsing, under the app's secret. */
  verify(request: InboundRequest, secret: string): InboundResult;
  /** The IntegrationConnection.externalId a verified delivery is for (installation id, team id), or null. */
  externalIdOf(delivery: ParsedDelivery): string | null;
  /** Only connections made this way are addressed (GitHub: "app"); any when absent. */
  method?: string;
  /** The answer to a verified delivery no active connection takes: GitHub 202 (nothing is wrong), Slack 200 (it retries the rest). */
  ignoredStatus: 200 | 202;
  /** Deliveries that end the connection (the GitHub App uninstalled or suspended): the lastError it is disabled with. */
  disablesConnection?(delivery: ParsedDelivery): string | null;
  /** Deliveries that undo such an ending (unsuspend): the lastError of the connections they enable again. */
  reenablesConnection?(delivery: ParsedDelivery): string | null;
};

export type StoredCredentials = { credentials: Credentials; tokenExpiresAt: Date | null };

/** What an outbound call may use and update (a refreshed OAuth token, a minted installation token). */
export type ProviderCall = {
  connection: ConnectionRef;
  credentials: Credentials;
  /** Persists changed credentials (merged into the stored ones). */
  saveCredentials(update: Credentials, tokenExpiresAt?: Date | null): Promise<void>;
  /**
   * Runs a token refresh holding the connection's refresh lock across processes, handing
   * it the credentials as stored once the lock is held (another process may have refreshed
   * meanwhile, and rotating refresh tokens work once). Absent for calls that live only in
   * memory (a connection being connected).
   */
  underRefreshLock?<T>(refresh: (stored: StoredCredentials) => Promise<T>): Promise<T>;
};

export type CheckResult = {
  /** What to call the connection (account, workspace, site name). */
  name: string;
  externalId: string | null;
  tokenExpiresAt: Date | null;
  /** Non-secret settings to keep (e.g. the bot's own user id, for the loop guard). */
  config?: Record<string, unknown>;
};

/** Outbound half: lib/integrations/providers/<provider>/client.ts exports `client`. */
export type ProviderClient = {
  /** Proves the credentials work by calling the provider's API; throws ProviderError otherwise. */
  check(call: ProviderCall): Promise<CheckResult>;
  /** Lists the resources rules can pick from. */
  sync(call: ProviderCall): Promise<SyncedResource[]>;
};

/**
 * Events half: lib/integrations/providers/<provider>/normalize.ts exports `normalize`. It
 * answers null for deliveries that are not events (pings, handshakes): processed, nothing recorded.
 */
export type EventNormalizer = (delivery: { eventType: string; action: string | null; payload: unknown; receivedAt?: Date }) => NormalizedEvent | null;

/** What an OAuth code exchange yields: the connection's credentials and what to call it. */
export type OAuthExchangeResult = {
  credentials: Credentials;
  tokenExpiresAt: Date | null;
  externalId: string | null;
  name: string;
  config?: Record<string, unknown>;
};

/** One provider's OAuth authorization-code flow: lib/integrations/providers/<provider>/oauth.ts exports `oauth`. */
export type OAuthFlow = {
  /** Whether the provider checks a PKCE (S256) challenge; where false, codeChallenge is ignored. */
  pkce: boolean;
  /** Where to send the admin's browser; `baseUrl` is a self-managed instance's URL (GitLab). */
  authorizeUrl(input: { state: string; codeChallenge: string; redirectUri: string; baseUrl?: string | null }): string;
  /** Trades the code from the callback for tokens; throws ProviderError when the provider refuses. */
  exchange(input: { code: string; codeVerifier: string; redirectUri: string; baseUrl?: string | null }): Promise<OAuthExchangeResult>;
};
