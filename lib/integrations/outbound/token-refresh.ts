// Runs an outbound operation with a usable OAuth access token: refreshes first when the
// stored one has expired (or is about to), and once more when the provider answers
// 401 anyway (revoked early, clock skew), persisting the new pair before retrying.
// No "server-only" marker: the worker (plain Node) refreshes tokens.
import type { ProviderCall } from "../types";
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

async function refreshInto(call: ProviderCall, refresh: Refresher): Promise<void> {
  const tokens = await refresh(call.credentials.REFRESH_TOKEN!);
  // Providers that rotate refresh tokens send a new one; the others keep the old one valid.
  const update = { ACCESS_TOKEN: tokens.accessToken, REFRESH_TOKEN: tokens.refreshToken ?? call.credentials.REFRESH_TOKEN! };
  await call.saveCredentials(update, tokens.expiresAt);
  // Later requests of the same operation (pagination) use the new token too.
  Object.assign(call.credentials, update);
  call.connection.tokenExpiresAt = tokens.expiresAt;
}
