// The error vocabulary: one code per kind of refusal, each with its HTTP status.
// Domain code throws these; lib/http/errors.ts turns them into the JSON error shape.

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  quota_exceeded: 402,
  forbidden: 403,
  /** The org requires two-factor authentication and the caller's sign-in does not have it. */
  mfa_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_request: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  /** Extra response headers (e.g. Retry-After). */
  headers: Record<string, string> = {};

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export class Invalid extends AppError {
  constructor(message: string, details?: unknown) {
    super("invalid_request", message, details);
  }
}

export class BadRequest extends AppError {
  constructor(message: string, details?: unknown) {
    super("bad_request", message, details);
  }
}

export class Unauthorized extends AppError {
  constructor(message = "Authentication required") {
    super("unauthorized", message);
  }
}

export class Forbidden extends AppError {
  constructor(message = "You do not have permission to do this") {
    super("forbidden", message);
  }
}

/** Refused by the org's "require two-factor authentication" setting (lib/orgs/mfa-policy.ts). */
export class MfaRequired extends AppError {
  constructor(orgSlug: string) {
    super("mfa_required", `The organization ${orgSlug} requires two-factor authentication: set it up under Account > Two-factor authentication (/account#two-factor), then try again`);
  }
}

export class NotFound extends AppError {
  constructor(what = "Resource") {
    super("not_found", `${what} not found`);
  }
}

export class Conflict extends AppError {
  constructor(message: string, details?: unknown) {
    super("conflict", message, details);
  }
}

/** What a plan-quota refusal names: the limit, the current use, the plan in force and the plan that lifts it. */
export type QuotaDetails = { used: number; plan: string; upgradeTo: string | null };

export class QuotaExceeded extends AppError {
  constructor(limit: string, allowed: number, extra?: QuotaDetails) {
    const lift = extra ? (extra.upgradeTo ? ` Upgrade to ${extra.upgradeTo} to lift it.` : " No plan lifts it; contact sales.") : "";
    const use = extra ? `; ${extra.used} in use on the ${extra.plan} plan` : "";
    super("quota_exceeded", `Quota exceeded: ${limit} (limit ${allowed}${use}).${lift}`, { limit, allowed, ...extra });
  }
}

export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, headers: Record<string, string> = {}) {
    super("rate_limited", `Too many requests; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
    this.headers = { ...headers, "retry-after": String(retryAfterSeconds) };
  }
}

export class PayloadTooLarge extends AppError {
  constructor(maxBytes: number) {
    super("payload_too_large", `Request body exceeds ${maxBytes} bytes`, { maxBytes });
  }
}

export class UnsupportedMediaType extends AppError {
  constructor(expected: string) {
    super("unsupported_media_type", `Content-Type must be ${expected}`);
  }
}
