// /api/auth/* (next-auth): what Bastion does around next-auth's own handling.
// - Every error ends on our /auth-error page with a code we know.
// - callbackUrl is reduced to a path on this site before next-auth sees it.
// - Only login_hint is passed on to the IdP's authorization request from the query.
// - POST /api/auth/signin/email goes through the magic-link gate (rate limits, SSO).
// - A magic link for an account with a second factor sets the pending MFA ticket cookie.
import "server-only";
import { AppError, BadRequest, NotFound, UnsupportedMediaType } from "../../errors";
import { readRawBody } from "../../http/body";
import { authErrorCode } from "../auth-errors";
import { issuePendingTicket } from "../mfa/pending";
import { MFA_STEP_PATH, pendingCookieHeader } from "../mfa/pending-cookie";
import { isSecureRequest } from "../request-meta";
import { parseCookies, runNextAuth } from "./bridge";
import { sameOriginPath } from "./callback-url";
import { magicLinkGate } from "./magic-link-gate";
import { authOptions } from "./options";

const BODY_LIMIT = 16 * 1024;
// next-auth's client log sink (_log) and anything else are not served.
const ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error"]);

export type AuthRouteContext = { request: Request; url: URL; requestId: string };

export async function handleAuthRequest(ctx: AuthRouteContext, segments: string[]): Promise<Response> {
  const { request, url } = ctx;
  const method = request.method.toUpperCase();
  const [action, providerId] = segments;

  if (!action || !ACTIONS.has(action)) throw new NotFound("Sign-in endpoint");
  if (action === "error") return redirectTo(`/auth-error?error=${authErrorCode(url.searchParams.get("error"))}`, false);

  const body = method === "POST" ? await readAuthBody(request) : undefined;
  const json = body?.json === "true";
  if (body?.callbackUrl !== undefined) body.callbackUrl = sameOriginPath(body.callbackUrl);
  const query = authQuery(url, action);

  if (method === "POST" && action === "signin" && providerId === "email") {
    const ssoPath = await magicLinkGate(request, body?.email);
    if (ssoPath) return redirectTo(withCallbackUrl(ssoPath, body?.callbackUrl), json);
  }

  const { options, orgRefusal, adapterContext } = await authOptions(request, providerId, ctx.requestId);
  if (orgRefusal && (action === "signin" || action === "callback")) return redirectTo(`/auth-error?error=${orgRefusal}`, json);

  const response = await runNextAuth(
    { method, segments, query, body, cookies: parseCookies(request.headers.get("cookie")), headers: Object.fromEntries(request.headers) },
    options,
  );
  // The sign-in policy stopped at the second factor: the MFA step page finds the ticket in a cookie.
  if (adapterContext.mfaPendingUserId) {
    response.headers.append("set-cookie", pendingCookieHeader(issuePendingTicket(adapterContext.mfaPendingUserId, adapterContext.method), isSecureRequest(request)));
    const location = response.headers.get("location");
    if (location?.startsWith(MFA_STEP_PATH) && query.callbackUrl && query.callbackUrl !== "/") {
      response.headers.set("location", `${MFA_STEP_PATH}?${new URLSearchParams({ next: query.callbackUrl })}`);
    }
  }
  return inErrorShape(response);
}

/**
 * next-auth refuses an action it does not serve with that method (POST /api/auth/csrf, GET
 * …/callback without a provider) with a plain-text 400 naming itself, and a POST to
 * session without its CSRF token with `{}`: these leave in the API's error shape.
 */
async function inErrorShape(response: Response): Promise<Response> {
  if (response.status < 400 || response.status >= 500) return response;
  const text = await response.text();
  if (/is not supported/.test(text)) throw new AppError("method_not_allowed", "This sign-in endpoint does not take this method");
  throw new BadRequest("This sign-in request is not valid");
}

function authQuery(url: URL, action: string | undefined): Record<string, string> {
  const all = Object.fromEntries(url.searchParams);
  // A sign-in request's query becomes authorization parameters at the IdP: allow only a hint.
  const query = action === "signin" ? pick(all, ["login_hint", "callbackUrl", "error", "csrf"]) : all;
  if (query.callbackUrl !== undefined) query.callbackUrl = sameOriginPath(query.callbackUrl);
  return query;
}

function pick(source: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]!]));
}

async function readAuthBody(request: Request): Promise<Record<string, string>> {
  const contentType = request.headers.get("content-type") ?? "";
  const raw = (await readRawBody(request, BODY_LIMIT)).toString("utf8");
  let entries: [string, unknown][];
  if (contentType.includes("application/x-www-form-urlencoded")) {
    entries = [...new URLSearchParams(raw)];
  } else if (contentType.includes("application/json")) {
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      entries = Object.entries(parsed);
    } catch {
      throw new BadRequest("The request body is not a JSON object");
    }
  } else if (raw.length === 0) {
    entries = [];
  } else {
    throw new UnsupportedMediaType("application/x-www-form-urlencoded or application/json");
  }
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function withCallbackUrl(path: string, callbackUrl: string | undefined): string {
  return callbackUrl && callbackUrl !== "/" ? `${path}?${new URLSearchParams({ callbackUrl })}` : path;
}

/** A redirect as next-auth answers it: 302, or { url } when the client asked for JSON. */
function redirectTo(path: string, json: boolean): Response {
  return json ? Response.json({ url: path }) : new Response(null, { status: 302, headers: { location: path } });
}
