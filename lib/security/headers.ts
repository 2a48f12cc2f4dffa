// Security headers that depend on the request: the Content-Security-Policy (a fresh
// nonce per page view) and Strict-Transport-Security (only when served over HTTPS).
// proxy.ts applies them; the static ones live in next.config.mjs.
//
// Pages: scripts run only with this response's nonce ('strict-dynamic' lets Next's
// nonce'd bootstrap load its chunks). No 'unsafe-eval' in production: neither React
// nor Next.js needs eval there; React's development build does, so dev adds it.

export type PagePolicyOptions = { nonce: string; dev: boolean; https: boolean; analyticsOrigins?: string[] };

export function pageContentSecurityPolicy({ nonce, dev, https, analyticsOrigins = [] }: PagePolicyOptions): string {
  // Product telemetry's host, only when configured (lib/telemetry/config.ts).
  const analytics = analyticsOrigins.map((origin) => ` ${origin}`).join("");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // style="" attributes in server-rendered markup (Next's built-in error pages, Radix
    // positioning) cannot carry a nonce; CSS in an attribute cannot run script.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${analytics}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain HTTP (a laptop install) upgrading would break every subresource.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** API answers are JSON, never documents to render: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Two years, subdomains included: sent only on HTTPS responses (browsers ignore it over HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A CSP nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
