// GET /api/v1/auth/sso/discover?email=…, POST /api/v1/auth/sso/discover { email }
// Where a work email signs in with SSO: { signInPath } or { signInPath: null }.
import { AUTH_LIMITS } from "@/lib/auth/limits";
import { clientIp } from "@/lib/auth/request-meta";
import { RateLimited } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { consume, rateLimitHeaders } from "@/lib/rate-limit/limiter";
import { ssoSignInPathFor } from "@/lib/sso/discover-for-email";
import { ssoDiscoverInput } from "@/lib/sso/schemas";

async function discover(request: Request, email: string) {
  const limit = await consume(AUTH_LIMITS.ssoDiscoverPerIp, clientIp(request) ?? "unknown");
  if (!limit.allowed) throw new RateLimited(limit.resetSeconds, rateLimitHeaders(limit));
  const signInPath = await ssoSignInPathFor(email);
  return signInPath ? { signInPath } : { signInPath: null, message: "Single sign-on is not set up for this email address." };
}

export const GET = route({ auth: "none", schemas: { query: ssoDiscoverInput } }, ({ request, query }) => discover(request, query.email));

export const POST = route({ auth: "none", csrf: true, schemas: { body: ssoDiscoverInput } }, ({ request, body }) => discover(request, body.email));
