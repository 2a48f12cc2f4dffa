// Rate limits of the account page's sensitive actions, per user. A stolen session should
// not be able to guess the current password (to change it or delete the account) or to
// flood someone's inbox with email-change messages.
import type { LimitRule } from "../rate-limit/limiter";

export const ACCOUNT_LIMITS = {
  passwordCheckPerUser: { name: "account:password-check:user", points: 10, durationSeconds: 15 * 60 },
  emailChangePerUser: { name: "account:email-change:user", points: 5, durationSeconds: 60 * 60 },
} as const satisfies Record<string, LimitRule>;
