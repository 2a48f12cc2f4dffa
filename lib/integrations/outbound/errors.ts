// The one error an outbound provider call throws. Its message is built from our own
// words plus the provider's short error text, scrubbed of anything token-shaped, and it
// keeps no `cause`: SDK errors carry request headers (Authorization) that must never
// reach a log line or an API response.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import type { Provider } from "../types";

export type ProviderErrorKind =
  /** The credentials were refused (401, invalid_auth, bad refresh token). */
  | "unauthorized"
  /** Authenticated but not allowed (403, missing scope). */
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "timeout"
  /** The provider answered 5xx or could not be reached. */
  | "unavailable"
  /** Anything else the provider refused or answered in an unexpected shape. */
  | "failed";

export class ProviderError extends Error {
  constructor(
    readonly provider: Provider,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status: number | null = null,
    /** From Retry-After, when the provider said how long to wait. */
    readonly retryAfterSeconds: number | null = null,
    /** Where a network-level failure happened: the host called and the system's code (ENOTFOUND, CERT_HAS_EXPIRED, "policy", "timeout"). */
    readonly network: { host: string; code: string } | null = null,
  ) {
    super(`${provider}: ${scrubTokens(message)}`);
    this.name = "ProviderError";
  }

  /** Worth trying again later (a job retry), as opposed to a refusal that needs an admin. */
  get transient(): boolean {
    return this.kind === "rate_limited" || this.kind === "timeout" || this.kind === "unavailable";
  }
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status === 408 || status === 504) return "timeout";
  if (status >= 500) return "unavailable";
  return "failed";
}

// Shapes of the credentials these providers issue, plus anything after "Bearer"/"token".
const TOKEN_PATTERNS = [
  /\b(gh[pousr]_[A-Za-z0-9_]{10,}|github_pat_[A-Za-z0-9_]{10,})/g,
  /\b(glpat-|gloas-|glptt-|gldt-)[A-Za-z0-9_-]{8,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{8,}/g,
  /\blin_(api|oauth)_[A-Za-z0-9]{8,}/g,
  /\b(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
];

/** Replaces token-shaped substrings and caps the length (provider messages are untrusted). */
export function scrubTokens(text: string): string {
  let clean = text;
  for (const pattern of TOKEN_PATTERNS) clean = clean.replace(pattern, "[redacted]");
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

/** Also removes the exact credential values of a call (they may have no recognizable shape). */
export function withoutSecrets(text: string, secrets: Iterable<string>): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join("[redacted]");
  return clean;
}
