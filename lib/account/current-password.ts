// Re-authentication for sensitive account changes: the current password, when the user
// has one, checked under a per-user rate limit so a borrowed session cannot guess it.
import "server-only";
import { Invalid, RateLimited } from "../errors";
import { verifyPassword } from "../auth/passwords";
import { consume, rateLimitHeaders } from "../rate-limit/limiter";
import { ACCOUNT_LIMITS } from "./limits";

export async function assertCurrentPassword(userId: string, passwordHash: string, candidate: string | undefined, field: string): Promise<void> {
  if (!candidate) {
    throw new Invalid("Enter your current password", [{ path: field, message: "Enter your current password", in: "body" }]);
  }
  const limit = await consume(ACCOUNT_LIMITS.passwordCheckPerUser, userId);
  if (!limit.allowed) throw new RateLimited(limit.resetSeconds, rateLimitHeaders(limit));
  if (!(await verifyPassword(candidate, passwordHash))) {
    throw new Invalid("Your current password is incorrect", [{ path: field, message: "Your current password is incorrect", in: "body" }]);
  }
}
