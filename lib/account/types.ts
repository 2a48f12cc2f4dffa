// What the account API answers, shared by the route handlers and the browser.
// Dates travel as ISO strings. Nothing here ever holds a token, hash or password.

export type ConnectedIdentity = { provider: string; providerAccountId: string };

export type AccountView = {
  id: string;
  name: string | null;
  email: string;
  emailVerified: string | null;
  hasPassword: boolean;
  telemetryOptOut: boolean;
  identities: ConnectedIdentity[];
};

export type SessionView = {
  id: string;
  /** A short label such as "Chrome on Linux". */
  device: string;
  ipAddress: string | null;
  method: string;
  createdAt: string;
  lastSeenAt: string;
  /** The session that made this request. */
  current: boolean;
};

/** The phrase a user types to confirm deleting their account. */
export const DELETE_CONFIRMATION = "delete my account";

export type PasskeyView = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/** The account's second factors (GET /api/v1/account/mfa). */
export type MfaStatusView = { totp: boolean; recoveryCodesLeft: number; passkeys: PasskeyView[] };
