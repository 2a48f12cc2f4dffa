// The browser's return from a provider: the state must be known, unused, unexpired,
// issued to this very session and user, for a provider matching the URL, and its user
// must still manage integrations in the org. Then the code is exchanged (or the GitHub
// installation checked) and the connection stored. Every refusal becomes a redirect
// with an error code; codes and tokens are never echoed.
import "server-only";
import type { z } from "zod";
import { can, type Role } from "../../authz/permissions";
import type { OrgContext, RequestInfo } from "../../context";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { oauthFlows, providerClients } from "../providers/clients";
import { isProvider, type Provider } from "../types";
import { pendingProviderCall } from "./credentials";
import { consumeOAuthState, type OAuthSettings, type OAuthStateRow } from "./oauth-state";
import { oauthRedirectUri } from "../providers/oauth-redirect";
import type { oauthCallbackQuery } from "./schemas";
import { newConnectionId, storeConnection, type NewConnection } from "./store";

type CallbackQuery = z.output<typeof oauthCallbackQuery>;
type Caller = RequestInfo & { userId: string; sessionId: string };

export type CallbackRefusal =
  | "invalid_state"
  | "expired_state"
  | "session_mismatch"
  | "forbidden"
  | "access_denied"
  | "installation_pending"
  | "missing_code"
  | "provider_refused"
  /** Storing was refused: the quota, or an installation connected elsewhere. */
  | "quota_exceeded"
  | "conflict";

class Refusal {
  constructor(readonly code: CallbackRefusal, readonly slug: string | null) {}
}

/** Where to send the browser: the new connection, or the integrations page with an error code. */
export async function completeOAuth(caller: Caller, providerParam: string, query: CallbackQuery): Promise<string> {
  try {
    const { ctx, state } = await acceptState(caller, providerParam, query.state);
    const connection = await establish(state, query, ctx.org.slug);
    const existing = connection.method === "app" ? await sameInstallation(ctx.org.id, connection.externalId) : null;
    const id = existing ?? (await store(ctx, connection));
    return `/orgs/${ctx.org.slug}/integrations/${id}?connected=1`;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    logger.info({ requestId: caller.requestId, provider: providerParam, refusal: error.code }, "integration OAuth callback refused");
    return error.slug ? `/orgs/${error.slug}/integrations?error=${error.code}` : `/orgs?error=${error.code}`;
  }
}

async function store(ctx: OrgContext, connection: NewConnection): Promise<string> {
  try {
    return (await storeConnection(ctx, connection)).connection.id;
  } catch (error) {
    if (error instanceof AppError && (error.code === "quota_exceeded" || error.code === "conflict")) throw new Refusal(error.code, ctx.org.slug);
    throw error;
  }
}

async function acceptState(caller: Caller, providerParam: string, state: string | undefined): Promise<{ ctx: OrgContext; state: OAuthStateRow }> {
  const row = state ? await consumeOAuthState(state) : null;
  if (!row) throw new Refusal("invalid_state", null);
  // Only the session that started the round trip learns which org it was for.
  if (row.sessionId !== caller.sessionId || row.userId !== caller.userId) throw new Refusal("session_mismatch", null);
  const membership = await getDb().membership.findFirst({
    where: { orgId: row.orgId, userId: caller.userId, org: { deletedAt: null } },
    select: { role: true, org: { select: { id: true, slug: true } } },
  });
  if (!membership) throw new Refusal("forbidden", null);
  const slug = membership.org.slug;
  if (!isProvider(providerParam) || row.provider !== providerParam) throw new Refusal("invalid_state", slug);
  if (row.expiresAt.getTime() <= Date.now()) throw new Refusal("expired_state", slug);
  if (!can(membership.role as Role, "integrations:manage")) throw new Refusal("forbidden", slug);
  const ctx: OrgContext = {
    actor: { userId: caller.userId, type: "user" },
    requestId: caller.requestId,
    ip: caller.ip,
    userAgent: caller.userAgent,
    org: membership.org,
    role: membership.role as Role,
  };
  return { ctx, state: row };
}

function settingsOf(row: OAuthStateRow): OAuthSettings {
  const settings = row.settings && typeof row.settings === "object" && !Array.isArray(row.settings) ? (row.settings as Record<string, unknown>) : {};
  return { baseUrl: typeof settings.baseUrl === "string" ? settings.baseUrl : undefined, name: typeof settings.name === "string" ? settings.name : undefined };
}

/** Turns the provider's answer into a connection to store (nothing is written yet). */
async function establish(state: OAuthStateRow, query: CallbackQuery, slug: string): Promise<NewConnection> {
  if (query.error) throw new Refusal("access_denied", slug);
  const provider = state.provider as Provider;
  const settings = settingsOf(state);
  const id = newConnectionId();
  try {
    if (provider === "github") return await establishInstallation(state, query, slug, id, settings);
    if (!query.code) throw new Refusal("missing_code", slug);
    const baseUrl = settings.baseUrl ?? null;
    const exchanged = await oauthFlows[provider]!.exchange({ code: query.code, codeVerifier: state.codeVerifier ?? "", redirectUri: oauthRedirectUri(provider), baseUrl });
    return {
      id,
      provider,
      method: "oauth",
      name: settings.name ?? exchanged.name,
      baseUrl,
      externalId: exchanged.externalId,
      config: exchanged.config ?? {},
      tokenExpiresAt: exchanged.tokenExpiresAt,
      credentials: exchanged.credentials,
    };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    // The provider's reason goes to the log (scrubbed ProviderError text), not to the URL.
    logger.warn({ provider, err: error instanceof Error ? error.message : "unknown" }, "integration OAuth exchange failed");
    throw new Refusal("provider_refused", slug);
  }
}

/** GitHub sends the browser back with installation_id and setup_action; the App must be able to act on it. */
async function establishInstallation(state: OAuthStateRow, query: CallbackQuery, slug: string, id: string, settings: OAuthSettings): Promise<NewConnection> {
  if (query.setup_action === "request") throw new Refusal("installation_pending", slug);
  if (!query.installation_id || !/^\d{1,20}$/.test(query.installation_id)) throw new Refusal("missing_code", slug);
  const externalId = query.installation_id;
  const call = pendingProviderCall({ id, orgId: state.orgId, provider: "github", method: "app", baseUrl: null, externalId, config: {} }, {});
  const checked = await providerClients.github.check(call);
  return {
    id,
    provider: "github",
    method: "app",
    name: settings.name ?? checked.name,
    baseUrl: null,
    externalId,
    config: checked.config ?? {},
    tokenExpiresAt: checked.tokenExpiresAt ?? call.tokenExpiresAt ?? null,
    credentials: call.credentials,
  };
}

/** An App installation already connected to this org (GitHub returns here after "configure" too). */
async function sameInstallation(orgId: string, installationId: string | null): Promise<string | null> {
  if (!installationId) return null;
  const row = await getDb().integrationConnection.findFirst({ where: { orgId, provider: "github", method: "app", externalId: installationId }, select: { id: true } });
  return row?.id ?? null;
}
