// The cryptographic checks every verifier shares: HMACs over the raw body and a
// constant-time comparison.
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 of the concatenated parts, in the encoding the provider sends. */
export function hmacSha256(key: string | Buffer, parts: (string | Buffer)[], encoding: "hex" | "base64"): string {
  const mac = createHmac("sha256", key);
  for (const part of parts) mac.update(part);
  return mac.digest(encoding);
}

/**
 * Whether two strings are equal, in time that depends on neither their contents nor
 * their lengths: both are hashed to 32 bytes first, so timingSafeEqual always compares
 * equal-length buffers and a wrong-length guess learns nothing about the secret's length.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** SHA-256 hex of the body: an id for providers whose deliveries carry none (Jira Data Center). */
export function bodyDigest(rawBody: Buffer): string {
  return createHash("sha256").update(rawBody).digest("hex");
}
