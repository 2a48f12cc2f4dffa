// WebAuthn challenges, kept server-side: each is random, bound to a user and a purpose,
// expires after CHALLENGE_LIFETIME_MS and is taken at most once (a conditional delete),
// so a captured registration or assertion cannot be replayed.
import "server-only";
import { getDb } from "../../db";

export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
export type ChallengePurpose = "registration" | "authentication";

export async function storeChallenge(userId: string, purpose: ChallengePurpose, challenge: string, now = new Date()): Promise<void> {
  const db = getDb();
  // Expired challenges of this user go as new ones come; nothing else needs sweeping.
  await db.webAuthnChallenge.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  await db.webAuthnChallenge.create({ data: { userId, purpose, challenge, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) } });
}

/** True once for a challenge this user was given for this purpose and that has not expired. */
export async function takeChallenge(userId: string, purpose: ChallengePurpose, challenge: string, now = new Date()): Promise<boolean> {
  const { count } = await getDb().webAuthnChallenge.deleteMany({ where: { userId, purpose, challenge, expiresAt: { gt: now } } });
  return count === 1;
}

/** The challenge a browser signed, read from its clientDataJSON (checked again by the verifier). */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof parsed.challenge === "string" ? parsed.challenge : null;
  } catch {
    return null;
  }
}
