// Rate limits of the sign-in, sign-up, magic-link and recovery endpoints, per client IP
// and per email address. One table, so the numbers are reviewed in one place.
import type { LimitRule } from "../rate-limit/limiter";

export const AUTH_LIMITS = {
  signInPerIp: { name: "auth:sign-in:ip", points: 30, durationSeconds: 5 * 60 },
  signInPerEmail: { name: "auth:sign-in:email", points: 20, durationSeconds: 5 * 60 },
  signUpPerIp: { name: "auth:sign-up:ip", points: 10, durationSeconds: 60 * 60 },
  magicLinkPerIp: { name: "auth:magic-link:ip", points: 20, durationSeconds: 60 * 60 },
  magicLinkPerEmail: { name: "auth:magic-link:email", points: 5, durationSeconds: 60 * 60 },
  passwordResetPerIp: { name: "auth:password-reset:ip", points: 20, durationSeconds: 60 * 60 },
  passwordResetPerEmail: { name: "auth:password-reset:email", points: 5, durationSeconds: 60 * 60 },
  verificationResendPerEmail: { name: "auth:verify-resend:email", points: 5, durationSeconds: 60 * 60 },
  verificationResendPerIp: { name: "auth:verify-resend:ip", points: 20, durationSeconds: 60 * 60 },
  ssoDiscoverPerIp: { name: "auth:sso-discover:ip", points: 30, durationSeconds: 5 * 60 },
  mfaCodePerIp: { name: "auth:mfa-code:ip", points: 30, durationSeconds: 5 * 60 },
  // Per account as well, so codes guessed from many addresses still meet a limit before the lockout.
  mfaCodePerUser: { name: "auth:mfa-code:user", points: 20, durationSeconds: 5 * 60 },
} as const satisfies Record<string, LimitRule>;

/** After this many wrong passwords in a row an account is locked. */
export const LOCKOUT_THRESHOLD = 10;
/** The first lock lasts this long; each further lock twice as long as the previous. */
export const LOCKOUT_BASE_MS = 15 * 60 * 1000;
