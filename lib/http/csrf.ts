// CSRF defence for cookie-authenticated requests: a state-changing request must come
// from our own origin (Origin header, or Referer when a browser omits Origin). The
// session cookie is also SameSite=Lax; API keys are not cookies and need neither.
import { appUrl } from "../env";
import { Forbidden } from "../errors";

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

export function assertSameOrigin(request: Request): void {
  if (isSafeMethod(request.method)) return;
  const origin = originOf(request.headers.get("origin")) ?? originOf(request.headers.get("referer"));
  const allowed = new Set([new URL(appUrl()).origin, new URL(request.url).origin]);
  if (!origin || !allowed.has(origin)) {
    throw new Forbidden("Cross-site request refused");
  }
}
