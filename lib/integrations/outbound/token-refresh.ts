// Runs an outbound operation with a usable OAuth access token: refreshes first when the
// stored one has expired (or is about to), and once more when the provider answers
// 401 anyway (revoked early, clock skew), persisting the new pair before retrying.
// Concurrent calls of one connection in this process share a single refresh; across
// processes a lock and a re-read of the stored pair (ProviderCall.underRefreshLock) do.
// No "server-only" marker: the worker (plain Node) refreshes tokens.
import { processSingleton } from "../../runtime";
import type { Credentials, ProviderCall, StoredCredentials } from "../types";
import { ProviderError } from "./errors";
import type { TokenSet } from "./oauth-token";

export type Refresher = (refreshToken: string) => Promise<TokenSet>;

/** Refresh this long before the stated expiry, so a call never starts with a dying token. */
const EARLY_MS = 60_000;

export async function withAccessToken<T>(call: ProviderCall, refresh: Refresher | null, run: (accessToken: string) => Promise<T>): Promise<T> {
  const canRefresh = refresh !== null && Boolean(call.credentials.REFRESH_TOKEN);
  let refreshed = false;
  const expiresAt = call.connection.tokenExpiresAt;
  if (canRefresh && expiresAt && expiresAt.getTime() - EARLY_MS <= Date.now()) {
    await refreshInto(call, refresh);
    refreshed = true;
  }
  const token = call.credentials.ACCESS_TOKEN;
  if (!token) throw new ProviderError(call.connection.provider, "unauthorized", "no access token is stored for this connection");
  try {
    return await run(token);
  } catch (error) {
    if (!canRefresh || refreshed || !(error instanceof ProviderError && error.kind === "unauthorized")) throw error;
    await refreshInto(call, refresh);
    return run(call.credentials.ACCESS_TOKEN!);
  }
}

type Refreshed = { update: Credentials; expiresAt: Date | null };

/** Refreshes in flight by connection: providers that rotate refresh tokens accept each one once. */
function inFlight(): Map<string, Promise<Refreshed>> {
  return processSingleton("integration-token-refreshes", () => new Map());
}

async function refreshInto(call: ProviderCall, refresh: Refresher): Promise<void> {
  const pending = inFlight();
  let refreshed = pending.get(call.connection.id);
  if (!refreshed) {
    refreshed = refreshAndSave(call, refresh).finally(() => pending.delete(call.connection.id));
    pending.set(call.connection.id, refreshed);
  }
  const { update, expiresAt } = await refreshed;
  // Later requests of the same operation (pagination) use the new token too.
  Object.assign(call.credentials, update);
  call.connection.tokenExpiresAt = expiresAt;
}

async function refreshAndSave(call: ProviderCall, refresh: Refresher): Promise<Refreshed> {
  const run = async (stored?: StoredCredentials): Promise<Refreshed> => {
    // Another process refreshed while this one waited for the lock: its pair is current,
    // and this one's refresh token may already be spent.
    if (stored?.credentials.ACCESS_TOKEN && stored.credentials.ACCESS_TOKEN !== call.credentials.ACCESS_TOKEN) {
      const { ACCESS_TOKEN, REFRESH_TOKEN } = stored.credentials;
      return { update: REFRESH_TOKEN ? { ACCESS_TOKEN, REFRESH_TOKEN } : { ACCESS_TOKEN }, expiresAt: stored.tokenExpiresAt };
    }
    const tokens = await refresh(call.credentials.REFRESH_TOKEN!);
    // Providers that rotate refresh tokens send a new one; the others keep the old one valid.
    const update = { ACCESS_TOKEN: tokens.accessToken, REFRESH_TOKEN: tokens.refreshToken ?? call.credentials.REFRESH_TOKEN! };
    await call.saveCredentials(update, tokens.expiresAt);
    return { update, expiresAt: tokens.expiresAt };
  };
  return call.underRefreshLock ? call.underRefreshLock(run) : run();
}
