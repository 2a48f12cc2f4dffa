// Single-use links sent by email (verify email, reset password, unlock, change email).
// The emailed token is random; the database stores its hash, its purpose and expiry,
// and marks it used exactly once (a conditional update, safe against double clicks).
import "server-only";
import type { Db, Tx } from "../db";
import type { AuthTokenPurpose } from "../generated/prisma/client";
import { hashToken, randomToken } from "./tokens";

export const AUTH_TOKEN_LIFETIME_MS: Record<AuthTokenPurpose, number> = {
  email_verification: 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
  account_unlock: 24 * 60 * 60 * 1000,
  email_change: 24 * 60 * 60 * 1000,
};

/** Issues a new token; earlier unused tokens of the same purpose stop working. */
export async function issueAuthToken(
  db: Db | Tx,
  input: { userId: string; purpose: AuthTokenPurpose; email?: string },
): Promise<string> {
  const token = randomToken();
  await db.authToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: new Date() },
  });
  await db.authToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      email: input.email ?? null,
      expiresAt: new Date(Date.now() + AUTH_TOKEN_LIFETIME_MS[input.purpose]),
    },
  });
  return token;
}

export type ConsumedToken = { userId: string; email: string | null };

/** Marks the token used and returns whom it was for; null if unknown, expired, used or for another purpose. */
export async function consumeAuthToken(db: Db | Tx, token: string, purpose: AuthTokenPurpose): Promise<ConsumedToken | null> {
  const tokenHash = hashToken(token);
  const { count } = await db.authToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return null;
  const row = await db.authToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, email: true } });
  return row;
}
