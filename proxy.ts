// Next.js Proxy (formerly middleware): runs before every page and API route and adds
// the request-dependent security headers (lib/security/headers.ts). Next.js reads the
// nonce from the request's Content-Security-Policy header and puts it on its own
// scripts, which is why pages render dynamically (see app/layout.tsx). It also refuses
// paths that do not decode (lib/http/malformed-url.ts) before Next.js decodes params.
import { NextResponse, type NextRequest } from "next/server";
import { isSecureRequest } from "@/lib/auth/request-meta";
import { env } from "@/lib/env";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { malformedPathResponse } from "@/lib/http/malformed-url";
import { LAST_ORG_COOKIE, orgSlugInPath } from "@/lib/orgs/last-org";
import {
  API_CONTENT_SECURITY_POLICY,
  STRICT_TRANSPORT_SECURITY,
  newNonce,
  pageContentSecurityPolicy,
} from "@/lib/security/headers";
import { telemetryOrigins } from "@/lib/telemetry/config";

const DEV = env().NODE_ENV === "development";

/** Console pages a signed-out browser cannot see: sent to sign-in, with the way back. */
const SIGNED_IN_AREAS = /^\/(orgs|account)(\/|$)/;

export function proxy(request: NextRequest) {
  const malformed = malformedPathResponse(request, request.nextUrl.pathname);
  if (malformed) {
    malformed.headers.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
    return malformed;
  }
  const https = isSecureRequest(request);
  if (SIGNED_IN_AREAS.test(request.nextUrl.pathname) && !readSessionCookie(request)) {
    // Only the cookie's presence is checked here; the page checks the session itself.
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(signIn);
  }
  let response: NextResponse;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    response = NextResponse.next();
    response.headers.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
  } else {
    const nonce = newNonce();
    const policy = pageContentSecurityPolicy({ nonce, dev: DEV, https, analyticsOrigins: telemetryOrigins() });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("content-security-policy", policy);
  }
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  rememberLastOrg(request, response, https);
  return response;
}

/** Remembers the org a console page belongs to (lib/orgs/last-org.ts), where sign-in lands next time. */
function rememberLastOrg(request: NextRequest, response: NextResponse, https: boolean) {
  const slug = orgSlugInPath(request.nextUrl.pathname);
  if (!slug || request.cookies.get(LAST_ORG_COOKIE)?.value === slug) return;
  response.cookies.set(LAST_ORG_COOKIE, slug, { path: "/", httpOnly: true, sameSite: "lax", secure: https, maxAge: 60 * 60 * 24 * 365 });
}

export const config = {
  // Build assets are immutable files with no document to protect.
  matcher: ["/((?!_next/static|_next/image|favicon.svg).*)"],
};
