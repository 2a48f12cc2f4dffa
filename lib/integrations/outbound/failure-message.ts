// What a failed provider call means, in words an admin can act on: which host could not be
// reached and why (DNS, refused, timeout, TLS, the address policy), or what the provider
// refused (the token, a scope, the URL). The one mapping used by the connect API and the
// connection checks. Built only from ProviderError's fields, whose message is already
// scrubbed of tokens, so nothing secret can be echoed.
// No "server-only" marker: the worker (plain Node) records check outcomes too.
import type { Provider } from "../types";
import { ProviderError } from "./errors";

const NAMES: Record<Provider, string> = { github: "GitHub", gitlab: "GitLab", jira: "Jira", linear: "Linear", slack: "Slack" };

/** What each provider's credential needs, said when it refuses one (401) or lacks a permission (403). */
const TOKEN_HINTS: Record<Provider, { unauthorized: string; forbidden: string }> = {
  github: { unauthorized: "check it has not expired or been revoked", forbidden: "check the token can read the repositories (Contents and Metadata: read)" },
  gitlab: { unauthorized: "check it has the read_api scope and has not expired", forbidden: "check the token has the read_api scope and at least the Reporter role" },
  jira: { unauthorized: "check the email and API token belong to the same Atlassian account", forbidden: "check the account may browse the projects" },
  linear: { unauthorized: "check the API key has not been revoked", forbidden: "check the key's workspace access" },
  slack: { unauthorized: "reinstall the Slack app to get a new token", forbidden: "reinstall the Slack app so it gets the scopes Bastion asks for" },
};

const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: "DNS lookup failed (no such host)",
  EAI_AGAIN: "DNS lookup failed (temporary; try again)",
  ECONNREFUSED: "connection refused (check the host and port)",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host is unreachable from this server",
  ENETUNREACH: "the network is unreachable from this server",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection closed unexpectedly",
};

const TLS_REASONS: Record<string, string> = {
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its TLS certificate chain has a self-signed certificate (set NODE_EXTRA_CA_CERTS to trust a private CA)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate could not be verified (set NODE_EXTRA_CA_CERTS to trust a private CA)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "its TLS certificate's issuer is not trusted (set NODE_EXTRA_CA_CERTS to trust a private CA)",
  ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate is for another host name",
  ERR_SSL_WRONG_VERSION_NUMBER: "TLS handshake failed (is the port serving plain HTTP?)",
};

/** The host part of a base URL, if it parses. */
function hostOf(baseUrl: string | null | undefined): string | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl).host;
  } catch {
    return null;
  }
}

/** What the provider itself said, without the "<provider>: " prefix ProviderError adds. */
function providerSaid(error: ProviderError): string {
  const prefix = `${error.provider}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

function networkMessage(error: ProviderError, host: string, code: string): string {
  if (code === "timeout") return `could not reach ${host}: no answer in time (timeout)`;
  if (code === "policy") {
    const reason = providerSaid(error).replace(/^refused to call an internal address: /, "");
    return `refused to call ${host}: ${reason}`;
  }
  if (TLS_REASONS[code]) return `could not reach ${host}: ${TLS_REASONS[code]}`;
  if (code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL") || code.includes("CERT")) return `could not reach ${host}: TLS error (${code})`;
  return `could not reach ${host}: ${NETWORK_REASONS[code] ?? `network error (${code})`}`;
}

/**
 * One sentence for a failed call. `baseUrl` is the connection's self-managed URL (GitLab,
 * Jira), named in 404s because a wrong URL is the usual cause.
 */
export function describeProviderFailure(error: ProviderError, context: { baseUrl?: string | null } = {}): string {
  const name = NAMES[error.provider];
  if (error.network) return networkMessage(error, error.network.host, error.network.code);
  const said = providerSaid(error);
  const status = error.status;
  const saidSuffix = said && !/^\d{3}$/.test(said) ? ` (${name} said: ${said.replace(/^\d{3}\s+/, "")})` : "";
  switch (error.kind) {
    case "unauthorized":
      return `${name} refused the token${status ? ` (${status})` : ""}: ${TOKEN_HINTS[error.provider].unauthorized}${saidSuffix}`;
    case "forbidden":
      return `${name} denied access${status ? ` (${status})` : ""}: ${TOKEN_HINTS[error.provider].forbidden}${saidSuffix}`;
    case "not_found": {
      const host = hostOf(context.baseUrl);
      return host
        ? `${host} answered 404: check the ${name} URL is the instance's root (like https://${host}), not a project or page URL`
        : `${name} answered 404: the resource was not found or the credential cannot see it${saidSuffix}`;
    }
    case "rate_limited":
      return `${name} is rate limiting Bastion${error.retryAfterSeconds !== null ? `: try again in ${error.retryAfterSeconds} s` : ": try again later"}`;
    case "timeout":
      return `${name} did not answer in time (timeout): try again later`;
    case "unavailable":
      return `${name} is unavailable${status ? ` (${status})` : ""}: try again later`;
    case "failed":
      return `${name} refused the request${status ? ` (${status})` : ""}: ${said.replace(/^\d{3}\s+/, "")}`;
  }
}
