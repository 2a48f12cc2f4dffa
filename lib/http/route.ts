// The request pipeline every route handler goes through:
// identify caller -> rate limit -> refuse unstorable text -> resolve org -> authorize -> validate
// -> call domain -> map errors.
// A handler declares who may call it and what it accepts; it receives a context that
// is already authenticated, authorized and parsed.
import { performance } from "node:perf_hooks";
import { logger } from "../logger";
import type { LimitCheck } from "../rate-limit/multi-limit";
import { observeRequest, routeTemplate } from "../metrics/http";
import { authenticate, type Actor, type AuthMode } from "./authenticate";
import { DEFAULT_BODY_LIMIT, readJsonBody } from "./body";
import { assertSameOrigin } from "./csrf";
import { toErrorResponse } from "./errors";
import { authorize, resolveOrg, type OrgAccess } from "./org-access";
import { assertSafeText, queryObject, validate, type Parsed, type RouteSchemas } from "./parse";
import { rateLimit } from "./rate-limit";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

export type RouteOptions<S extends RouteSchemas> = {
  auth: AuthMode;
  /** Checked against the caller's role in the org named by the `slug` param. */
  permission?: string;
  /**
   * Require a same-origin browser request for unsafe methods even without a session
   * (sign-in and sign-up forms). Always enforced when a session cookie authenticated.
   */
  csrf?: boolean;
  schemas?: S;
  bodyLimit?: number;
  /** The route's own rate limits, instead of the caller's (webhooks: per connection, from the URL). */
  limits?: (params: Record<string, string | string[] | undefined>, request: Request) => LimitCheck[];
};

export type RouteContext<S extends RouteSchemas> = Parsed<S> & {
  request: Request;
  url: URL;
  requestId: string;
  actor: Actor | null;
  access: OrgAccess | null;
};

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** What a handler returns: a Response as is, anything else as a 200 JSON body. */
export type HandlerResult = Response | object | null;

/** What a route declares, readable by tests (the authorization matrix) and docs. */
export type RouteMeta = { auth: AuthMode; permission?: string; csrf?: boolean; schemas: RouteSchemas };

export function route<S extends RouteSchemas = Record<never, never>>(
  options: RouteOptions<S>,
  handler: (ctx: RouteContext<S>) => Promise<HandlerResult>,
) {
  const handle = async function handle(request: Request, next?: NextRouteContext): Promise<Response> {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const url = new URL(request.url);
    let headers: Record<string, string> = {};
    let response: Response;
    const rawParams = (await next?.params) ?? {};

    try {
      let actor: Actor | null;
      try {
        actor = await authenticate(request, options.auth);
      } catch (refused) {
        // A refused credential is limited as anonymous traffic (per IP), so a flood of
        // made-up keys meets 429s too; the 401 still carries the RateLimit-* headers.
        headers = (await rateLimit(request, null)).headers;
        throw refused;
      }
      if (actor?.kind === "user" || options.csrf) assertSameOrigin(request);
      headers = (await rateLimit(request, actor, options.limits?.(rawParams, request))).headers;
      const rawQuery = queryObject(url);
      assertSafeText(rawParams, "params");
      assertSafeText(rawQuery, "query");

      const slug = typeof rawParams.slug === "string" ? rawParams.slug : undefined;
      const access = slug !== undefined && options.auth !== "none" ? await resolveOrg(slug, actor, request) : null;
      if (access?.redirectToSlug && slug) {
        throw new MovedTo(url.pathname.replace(`/orgs/${slug}`, `/orgs/${access.redirectToSlug}`) + url.search);
      }
      await authorize(access, options.permission, actor, request);

      const params = validate(options.schemas?.params, rawParams, "params");
      const query = validate(options.schemas?.query, rawQuery, "query");
      const body = options.schemas?.body ? validate(options.schemas.body, await readSafeJsonBody(request, options.bodyLimit), "body") : undefined;

      const result = await handler({ request, url, requestId, actor, access, params, query, body } as RouteContext<S>);
      response = result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (error instanceof MovedTo) {
        response = new Response(null, { status: 308, headers: { location: error.location } });
      } else {
        const mapped = toErrorResponse(error, requestId);
        if (!mapped.expected) {
          logger.error({ requestId, err: safeError(error) }, "unhandled error in route handler");
        }
        response = mapped.response;
      }
    }

    response = withHeaders(response, { ...headers, [REQUEST_ID_HEADER]: requestId });
    const elapsedMs = performance.now() - started;
    // Instrumentation hook: metrics by route template, never by concrete URL.
    observeRequest(request.method, routeTemplate(url.pathname, rawParams), response.status, elapsedMs / 1000);
    logger.info(
      {
        requestId,
        method: request.method,
        // The path only: query strings may carry tokens.
        path: url.pathname,
        status: response.status,
        durationMs: Math.round(elapsedMs * 10) / 10,
      },
      "request",
    );
    return response;
  };
  const meta: RouteMeta = { auth: options.auth, permission: options.permission, csrf: options.csrf, schemas: options.schemas ?? {} };
  return Object.assign(handle, { meta });
}

async function readSafeJsonBody(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const body = await readJsonBody(request, limit);
  assertSafeText(body, "body");
  return body;
}

/** Thrown inside the pipeline to answer with a permanent redirect (an org's former slug). */
class MovedTo {
  constructor(readonly location: string) {}
}

function withHeaders(original: Response, extra: Record<string, string>): Response {
  // Copied, because some responses (redirects) have immutable headers.
  const response = new Response(original.body, original);
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  for (const [name, value] of Object.entries(extra)) {
    // A route's own, tighter limit (sign-in, sign-up) that refused the request names itself.
    if (name.startsWith("ratelimit-") && response.headers.has(name)) continue;
    response.headers.set(name, value);
  }
  return response;
}

/** Error name, message and stack for the log; never request bodies or headers. */
function safeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error };
}
