// The session cookie: HttpOnly, SameSite=Lax, Secure (and __Host- prefixed) over HTTPS.
// next-auth is configured with the same name so every sign-in method shares one cookie.
export const SESSION_COOKIE = "bastion.session";
export const SECURE_SESSION_COOKIE = "__Host-bastion.session";

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token from a request's cookies, whichever name it was set under. */
export function readSessionCookie(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [rawName, ...rest] = part.trim().split("=");
    if (rawName === SECURE_SESSION_COOKIE || rawName === SESSION_COOKIE) {
      const value = rest.join("=");
      return value ? decodeURIComponent(value) : null;
    }
  }
  return null;
}

export function sessionCookieHeader(token: string, expires: Date, secure: boolean): string {
  const attributes = [`${sessionCookieName(secure)}=${encodeURIComponent(token)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expires.toUTCString()}`];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

export function clearSessionCookieHeaders(): string[] {
  const expired = "Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  return [`${SESSION_COOKIE}=; ${expired}`, `${SECURE_SESSION_COOKIE}=; ${expired}; Secure`];
}
