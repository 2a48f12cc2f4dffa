// The metrics endpoint's bearer token check, in constant time: both sides are hashed
// first so neither the comparison nor its length gives the token away.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function bearerMatches(authorization: string | null, expected: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const presented = match?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(expected)) && presented.length > 0;
}
