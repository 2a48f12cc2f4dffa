// The state between the first factor and the second: a short-lived signed ticket naming
// the user and how they proved the first factor. It is not a session and grants nothing
// except the right to submit a second-factor code. Signed with AUTH_SECRET (HMAC-SHA256),
// so no storage; it expires after PENDING_LIFETIME_MS.
import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "../secret";
import { safeEqual } from "../tokens";
import type { SessionMethod } from "../sessions";

export const PENDING_LIFETIME_MS = 5 * 60 * 1000;

type Pending = { userId: string; method: SessionMethod; expiresAt: number };

function sign(payload: string): string {
  return createHmac("sha256", authSecret()).update(`mfa-pending:${payload}`).digest("base64url");
}

export function issuePendingTicket(userId: string, method: SessionMethod, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ userId, method, expiresAt: now + PENDING_LIFETIME_MS } satisfies Pending)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function readPendingTicket(ticket: string, now = Date.now()): Pending | null {
  const [payload, signature, extra] = ticket.split(".");
  if (!payload || !signature || extra !== undefined || !safeEqual(signature, sign(payload))) return null;
  try {
    const pending = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Pending;
    return typeof pending.userId === "string" && pending.expiresAt > now ? pending : null;
  } catch {
    return null;
  }
}
