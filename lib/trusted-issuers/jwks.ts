// Issuers' signing keys: one jose remote JWKS per URL, kept in process. jose refetches
// on a `kid` it does not know, but at most once per cooldown (so a flood of made-up kids
// cannot make us hammer the IdP), and otherwise serves the cached set: no network call
// per request. Fetches go through the outbound guard (lib/integrations/outbound): an
// issuer URL that resolves to an internal address is refused unless the operator allows it.
import "server-only";
import { createRemoteJWKSet, customFetch, type FetchImplementation, type JWTVerifyGetKey } from "jose";
import { environmentDispatcher } from "../integrations/outbound/guarded-dispatcher";
import { Invalid } from "../errors";

/** A refresh on an unknown kid waits at least this long after the previous fetch. */
export const JWKS_REFRESH_COOLDOWN_MS = 30_000;
/** A cached set is refetched after this long even when every kid is known (rollover). */
export const JWKS_MAX_AGE_MS = 10 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;

const guardedFetch: FetchImplementation = (url, options) =>
  fetch(url, { ...options, dispatcher: environmentDispatcher() } as RequestInit);

const sets = new Map<string, JWTVerifyGetKey>();

export function jwksFor(jwksUrl: string): JWTVerifyGetKey {
  let set = sets.get(jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: JWKS_REFRESH_COOLDOWN_MS,
      cacheMaxAge: JWKS_MAX_AGE_MS,
      timeoutDuration: FETCH_TIMEOUT_MS,
      [customFetch]: guardedFetch,
    });
    // Bounded: issuers are few; a pathological number just rebuilds caches.
    if (sets.size > 1_000) sets.clear();
    sets.set(jwksUrl, set);
  }
  return set;
}

/** Forgets cached key sets (tests; an admin deleting an issuer). */
export function forgetJwks(jwksUrl?: string): void {
  if (jwksUrl) sets.delete(jwksUrl);
  else sets.clear();
}

/** The issuer's `jwks_uri` from its OpenID discovery document, fetched through the guard. */
export async function discoverJwksUrl(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  let document: { jwks_uri?: unknown; issuer?: unknown };
  try {
    const response = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "error", dispatcher: environmentDispatcher() } as RequestInit);
    if (!response.ok) throw new Error(`status ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch {
    throw new Invalid("Could not read the issuer's discovery document; enter the JWKS URL", [{ path: "jwksUrl", message: "required: discovery failed" }]);
  }
  if (typeof document.jwks_uri !== "string" || !/^https?:\/\//.test(document.jwks_uri)) {
    throw new Invalid("The issuer's discovery document names no JWKS URL; enter it", [{ path: "jwksUrl", message: "required" }]);
  }
  return document.jwks_uri;
}
