import type { RouteMeta } from "../http/route";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler = ((...args: never[]) => unknown) & { meta?: RouteMeta };
export type RouteModule = Partial<Record<HttpMethod, Handler>> & Record<string, unknown>;
