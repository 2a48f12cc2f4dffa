// PKCE (RFC 7636) with S256, for the providers that check it (GitLab, Linear).
// No "server-only" marker: tests and the stand-ins compute challenges too.
import { createHash, randomBytes } from "node:crypto";

/** A verifier of 43 URL-safe characters (32 random bytes), the RFC's recommended size. */
export function newCodeVerifier(): string {
  return randomBytes(32).toString("base64url");
}

export function codeChallengeS256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}
