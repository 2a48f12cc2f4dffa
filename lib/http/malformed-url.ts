// Paths Next.js cannot decode (`%`, `%ZZ`, `%C0%AE`, an encoded lone surrogate) used to
// end in its own plain-text 500 before any route ran, and a decoded NUL reached the
// database from pages and routes alike. proxy.ts, which every request passes, refuses
// both here with the JSON error shape.
import type { ErrorBody } from "./errors";
import { isSafeText } from "../validation/text";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

/** Why a path cannot be served, or null when every segment decodes to storable text. */
export function malformedPathReason(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "The URL path is not valid percent-encoded UTF-8";
    }
    if (!isSafeText(decoded)) return "The URL path contains a NUL character";
  }
  return null;
}

/** A 400 bad_request for a malformed path, or null to let the request through. */
export function malformedPathResponse(request: Request, pathname: string): Response | null {
  const reason = malformedPathReason(pathname);
  if (!reason) return null;
  const requestId = requestIdFrom(request.headers);
  const body: ErrorBody = { error: { code: "bad_request", message: reason, requestId } };
  return Response.json(body, { status: 400, headers: { "cache-control": "no-store", [REQUEST_ID_HEADER]: requestId } });
}
