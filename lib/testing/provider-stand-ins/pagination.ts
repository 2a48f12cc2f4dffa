// Page-number pagination with a Link rel="next" header, as GitHub and GitLab answer it.
// The stand-ins cap pages at a small size (servers may return fewer than per_page) so
// that the SDKs' pagination is exercised with a handful of items.
import type { StandInRequest } from "./http";

export function linkPage<T>(items: T[], request: StandInRequest, origin: string, maxPerPage: number): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(request.query.get("per_page")) || 30, maxPerPage);
  const page = Math.max(1, Number(request.query.get("page")) || 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = { "x-page": String(page), "x-per-page": String(perPage), "x-total": String(items.length) };
  if (page * perPage < items.length) {
    const next = new URL(request.path, origin);
    for (const [key, value] of request.query) next.searchParams.set(key, value);
    next.searchParams.set("page", String(page + 1));
    next.searchParams.set("per_page", String(perPage));
    headers.link = `<${next.toString()}>; rel="next"`;
    headers["x-next-page"] = String(page + 1);
  }
  return { items: slice, headers };
}
