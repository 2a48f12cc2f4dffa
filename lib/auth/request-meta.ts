// Who is on the other end of a request, as far as we can tell: the client IP (from the
// reverse proxy's X-Forwarded-For only when TRUST_PROXY=1) and the user agent.
import { appUrl, env } from "../env";

export type RequestMeta = { ip: string | null; userAgent: string | null };

export function clientIp(request: Request): string | null {
  if (env().TRUST_PROXY) {
    // The last entry is the one our proxy appended (the peer it saw); anything before
    // it came from the client and could be forged.
    const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  // Set by the start script from the socket's remote address (see scripts/start.ts).
  return request.headers.get("x-bastion-client-ip")?.slice(0, 64) ?? null;
}

export function requestMeta(request: Request): RequestMeta {
  return { ip: clientIp(request), userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null };
}

/** Whether the browser talks to us over HTTPS (directly or through a trusted proxy). */
export function isSecureRequest(request: Request): boolean {
  if (env().TRUST_PROXY && request.headers.get("x-forwarded-proto") === "https") return true;
  return new URL(request.url).protocol === "https:" || appUrl().startsWith("https:");
}
