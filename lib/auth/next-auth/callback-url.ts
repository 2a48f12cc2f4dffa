// Where next-auth may send a browser after sign-in: a path on this site only (absolute
// URLs on our own origin are reduced to their path). Everything else goes home.
import { appUrl } from "../../env";
import { safeRedirectPath } from "../redirect";

export function sameOriginPath(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  if (value.startsWith("/")) return safeRedirectPath(value, fallback);
  try {
    const url = new URL(value);
    if (url.origin !== new URL(appUrl()).origin) return fallback;
    return safeRedirectPath(`${url.pathname}${url.search}${url.hash}`, fallback);
  } catch {
    return fallback;
  }
}
