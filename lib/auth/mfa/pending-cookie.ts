// Carries the pending MFA ticket from a first factor that ends in a browser redirect
// (a magic link) to the MFA step page, in an HttpOnly cookie rather than the URL, so the
// ticket never appears in history, logs or Referer. Cleared when the step completes.
import "server-only";
import { PENDING_LIFETIME_MS } from "./pending";

export const MFA_PENDING_COOKIE = "bastion-mfa-pending";
/** Where a redirecting first factor sends the browser for its second factor. */
export const MFA_STEP_PATH = "/sign-in/mfa";

export function pendingCookieHeader(ticket: string, secure: boolean): string {
  const attributes = [`${MFA_PENDING_COOKIE}=${ticket}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${PENDING_LIFETIME_MS / 1000}`];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

export function clearPendingCookieHeader(secure: boolean): string {
  return [`${MFA_PENDING_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
}
