// Request metrics labelled by route TEMPLATE (/api/v1/orgs/[slug]/members), never the
// concrete URL: a label per slug or id would grow without bound.
import { metrics } from "./registry";

type Params = Record<string, string | string[] | undefined>;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Puts each dynamic param back in its place: Next gives the params in route order, so
 * each one is matched to the next segment (left to right) carrying its value.
 */
export function routeTemplate(pathname: string, params: Params): string {
  const segments = pathname.split("/");
  let from = 1;
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    const index = segments.findIndex((segment, position) => position >= from && decoded(segment) === values[0]);
    if (index < 0) continue;
    const label = Array.isArray(value) ? `[...${name}]` : `[${name}]`;
    segments.splice(index, values.length, label);
    from = index + 1;
  }
  return segments.join("/");
}

export function observeRequest(method: string, route: string, status: number, durationSeconds: number): void {
  const labels = { method, route, status: String(status) };
  const { httpRequests, httpDuration } = metrics();
  httpRequests.inc(labels);
  httpDuration.observe(labels, durationSeconds);
}
