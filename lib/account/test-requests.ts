// Test helpers: requests to the account API as a browser on our origin would send them.
export const APP_ORIGIN = "http://localhost:3000";

export function accountRequest(
  path: string,
  options: { method?: string; cookie?: string; body?: unknown; origin?: string | null; userAgent?: string } = {},
): Request {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin !== null) headers.origin = options.origin ?? APP_ORIGIN;
  if (options.userAgent) headers["user-agent"] = options.userAgent;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${APP_ORIGIN}${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

export function withParams<T extends Record<string, string>>(params: T) {
  return { params: Promise.resolve(params) };
}

export const noParams = withParams({});
