// The state of an OAuth (or GitHub App install) round trip: a random value sent to the
// provider, stored only as its SHA-256, bound to the admin's session, user and org,
// carrying the PKCE verifier, valid 10 minutes and usable once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Provider } from "../types";

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

export type OAuthSettings = { baseUrl?: string; name?: string };

export type OAuthStateRow = {
  stateHash: string;
  orgId: string;
  userId: string;
  sessionId: string;
  provider: Provider;
  codeVerifier: string | null;
  settings: Prisma.JsonValue;
  expiresAt: Date;
};

export function hashState(state: string): string {
  return createHash("sha256").update(state, "utf8").digest("hex");
}

/** PKCE S256 (RFC 7636): the challenge sent now for the verifier presented at the exchange. */
export function codeChallengeOf(codeVerifier: string): string {
  return createHash("sha256").update(codeVerifier, "ascii").digest("base64url");
}

export async function createOAuthState(input: { orgId: string; userId: string; sessionId: string; provider: Provider; settings: OAuthSettings }) {
  const state = randomBytes(32).toString("base64url");
  const codeVerifier = randomBytes(48).toString("base64url");
  const now = Date.now();
  await getDb().$transaction(async (tx) => {
    // Abandoned round trips are swept whenever a new one starts.
    await tx.integrationOAuthState.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
    await tx.integrationOAuthState.create({
      data: {
        stateHash: hashState(state),
        orgId: input.orgId,
        userId: input.userId,
        sessionId: input.sessionId,
        provider: input.provider,
        codeVerifier,
        settings: input.settings as Prisma.InputJsonObject,
        expiresAt: new Date(now + OAUTH_STATE_TTL_MS),
      },
    });
  });
  return { state, codeChallenge: codeChallengeOf(codeVerifier) };
}

/**
 * Takes a state out of the table: one statement finds and deletes it, so of two
 * callbacks racing with the same state only one gets the row.
 */
export async function consumeOAuthState(state: string): Promise<OAuthStateRow | null> {
  const rows = await getDb().$queryRaw<OAuthStateRow[]>`
    DELETE FROM "IntegrationOAuthState" WHERE "stateHash" = ${hashState(state)}
    RETURNING "stateHash", "orgId", "userId", "sessionId", provider::text AS provider, "codeVerifier", settings, "expiresAt"`;
  return rows[0] ?? null;
}
