// The SCIM routes' wrapper around the one pipeline (lib/http/route.ts): only a SCIM
// directory token authenticates (auth "scim"), and every refusal, whatever step produced
// it, leaves as a SCIM error body with SCIM's media type.
import { route, type HandlerResult, type RouteContext, type RouteOptions } from "../http/route";
import type { RouteSchemas } from "../http/parse";
import { scimErrorBody } from "./errors";

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function scimRoute<S extends RouteSchemas = Record<never, never>>(options: Omit<RouteOptions<S>, "auth" | "permission">, handler: (ctx: RouteContext<S>) => Promise<HandlerResult>) {
  const inner = route<S>({ ...options, auth: "scim" }, handler);
  const handle = async (request: Request, next?: NextRouteContext): Promise<Response> => asScimResponse(await inner(request, next));
  return Object.assign(handle, { meta: inner.meta });
}

async function asScimResponse(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const body = (await response.clone().json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null;
  if (!body?.error) return response;
  const scimType = (body.error.details as { scimType?: string } | undefined)?.scimType;
  // Validation failures are 422 in the rest of the API; SCIM says 400 with a scimType.
  const invalid = response.status === 422 || response.status === 400;
  const status = response.status === 422 ? 400 : response.status;
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/scim+json; charset=utf-8");
  return new Response(JSON.stringify(scimErrorBody(status, body.error.message ?? "Error", scimType ?? (invalid ? "invalidValue" : undefined))), { status, headers });
}
