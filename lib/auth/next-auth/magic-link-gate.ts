// Checks before next-auth sends a magic link: rate limits per client IP and per email
// address, and the SSO requirement of the email's domain (such emails are sent to their
// org's IdP instead). Run by the route for POST /api/auth/signin/email, so no client can
// go around them. Known and unknown addresses are treated alike.
import "server-only";
import { RateLimited } from "../../errors";
import { consume, rateLimitHeaders } from "../../rate-limit/limiter";
import { AUTH_LIMITS } from "../limits";
import { clientIp } from "../request-meta";
import { ssoRequirementFor } from "../sso-policy";

/** The address as next-auth will use it, or null when it is not one (next-auth refuses it). */
export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.normalize("NFKC").trim().toLowerCase();
  return /^[^\s@",]+@[^\s@",]+\.[^\s@",]+$/.test(email) && email.length <= 254 ? email : null;
}

/** Throws RateLimited; returns where to go instead when SSO is required; null to proceed. */
export async function magicLinkGate(request: Request, rawEmail: unknown): Promise<string | null> {
  const byIp = await consume(AUTH_LIMITS.magicLinkPerIp, clientIp(request) ?? "unknown");
  if (!byIp.allowed) throw new RateLimited(byIp.resetSeconds, rateLimitHeaders(byIp));
  const email = normalizeEmail(rawEmail);
  if (!email) return null;
  const byEmail = await consume(AUTH_LIMITS.magicLinkPerEmail, email);
  if (!byEmail.allowed) throw new RateLimited(byEmail.resetSeconds, rateLimitHeaders(byEmail));
  const requirement = await ssoRequirementFor(email);
  return requirement?.signInPath ?? null;
}
