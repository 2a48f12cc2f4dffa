// An org's OIDC connection is set up by an org admin, so every call sign-in makes to its
// IdP goes through the outbound guard, as provider calls do:
// - discovery: our own guarded fetch (lib/sso/discovery.ts), whose endpoints the provider
//   names explicitly, so openid-client never fetches the discovery document itself;
// - token and JWKS: next-auth v4 calls them through openid-client 5, which uses node:http
//   (no custom fetch; `customFetch` came with next-auth v5 / oauth4webapi). Our token
//   handler gives that call's client and issuer the guarded agents through openid-client's
//   per-instance http options hook, then exchanges the code exactly as next-auth would;
// - userinfo: never called, the ID token's claims are the profile (idToken: true).
// Per instance, not openid-client's process-wide defaults: next-auth sets those from each
// provider's httpOptions, so they would leak between concurrent sign-ins.
import "server-only";
import type { TokenEndpointHandler } from "next-auth/providers/oauth";
import { custom, type BaseClient, type HttpOptions } from "openid-client";
import { environmentNodeAgents } from "../../integrations/outbound/guarded-node-agents";

function guardedHttpOptions(url: URL): HttpOptions {
  const agents = environmentNodeAgents();
  // openid-client refuses anything but http(s) URLs before asking for options.
  return { agent: url.protocol === "http:" ? agents["http:"] : agents["https:"] };
}

/** Routes this client's calls (token, userinfo) and its issuer's (JWKS) through the guard. */
export function guardOidcClient(client: BaseClient): void {
  client[custom.http_options] = guardedHttpOptions;
  client.issuer[custom.http_options] = guardedHttpOptions;
}

/** next-auth's default code exchange for ID-token providers, on a guarded client. */
export const guardedTokenRequest: NonNullable<Exclude<TokenEndpointHandler, string>["request"]> = async ({ client, provider, params, checks }) => {
  guardOidcClient(client);
  return { tokens: await client.callback(provider.callbackUrl, params, checks) };
};
