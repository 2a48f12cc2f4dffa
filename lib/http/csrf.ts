// CSRF defence for cookie-authenticated requests: a state-changing request must come
// from our own origin (Origin header, or Referer when a browser omits Origin). The
// session cookie is also SameSite=Lax; API keys are not cookies and need neither.
//
// "Our own origin" is the one the browser addressed: the Host header the request came
// to (X-Forwarded-Host/Proto instead when TRUST_PROXY says a proxy sets them), or
// APP_URL. Next.js builds request.url from the server's bind address, not from Host,
// so comparing with request.url alone refused http://127.0.0.1:3000 or a LAN address.
import { appUrl, env } from "../env";
import { Forbidden } from "../errors";
import { logger } from "../logger";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

function originOf(value: string | null): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

function firstListValue(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}

/** The origin the browser sent this request to, as far as we can trust the headers. */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  let protocol = url.protocol.replace(/:$/, "");
  let host = request.headers.get("host") ?? url.host;
  if (env().TRUST_PROXY) {
    const forwardedProto = firstListValue(request.headers.get("x-forwarded-proto"));
    if (forwardedProto === "http" || forwardedProto === "https") protocol = forwardedProto;
    host = firstListValue(request.headers.get("x-forwarded-host")) ?? host;
  }
  return originOf(`${protocol}://${host}`) ?? url.origin;
}

/** The origins a state-changing request may come from. */
export function allowedOrigins(request: Request): Set<string> {
  return new Set([new URL(appUrl()).origin, requestOrigin(request), new URL(request.url).origin]);
}

// One log line per foreign origin (per process) is enough to tell the operator the fix.
const reported = new Set<string>();

export function assertSameOrigin(request: Request): void {
  if (isSafeMethod(request.method)) return;
  const origin = originOf(request.headers.get("origin")) ?? originOf(request.headers.get("referer"));
  if (!origin) throw new Forbidden("Cross-site request refused: the browser sent no Origin or Referer header");
  if (allowedOrigins(request).has(origin)) return;
  const configured = new URL(appUrl()).origin;
  if (!reported.has(origin) && reported.size < 100) {
    reported.add(origin);
    logger.warn(
      { origin, appUrl: configured, requestOrigin: requestOrigin(request) },
      `refused a form sent from ${origin}, which is neither APP_URL (${configured}) nor the address the request came to; ` +
        "if Bastion is meant to be reached there, set APP_URL to that origin (behind a reverse proxy, also set TRUST_PROXY=1 so X-Forwarded-Host/Proto count)",
    );
  }
  throw new Forbidden(
    `Cross-site request refused: this page was opened at ${origin}, but Bastion is configured for ${configured}. ` +
      `Open Bastion at ${configured}, or ask the operator to set APP_URL to ${origin}.`,
  );
}
