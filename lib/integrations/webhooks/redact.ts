// The request headers a delivery is stored with (the delivery log shows them): every
// header that carries a credential or a signature is kept by name with its value
// replaced, so the log shows it was present without holding anything replayable.
import "server-only";

export const REDACTED = "[redacted]";

/** Headers whose values are credentials, signatures or our own internal metadata. */
const SECRET_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-hub-signature",
  "x-hub-signature-256",
  "x-gitlab-token",
  "webhook-signature",
  "linear-signature",
  "x-slack-signature",
  // Set by Bastion's own server from the socket (scripts/start.ts): not the provider's.
  "x-bastion-client-ip",
  // Addresses added by proxies on the way: infrastructure detail, not the provider's payload.
  "x-forwarded-for",
  "forwarded",
  "x-real-ip",
  "x-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
]);

/** Anything else that looks like it holds a secret (x-api-token, x-signature, …). */
const SECRET_LOOKING = /(token|secret|signature|password|api-key|apikey)/i;

export function redactHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers) {
    kept[name] = SECRET_HEADERS.has(name) || SECRET_LOOKING.test(name) ? REDACTED : value;
  }
  return kept;
}
