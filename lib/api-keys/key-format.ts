// The API key's shape: `bst_<env>_<32 base62 chars>` (about 190 bits of randomness).
// Base62 so a double-click selects the whole key; the environment tag tells at a glance
// whether a leaked key is a production one. Only the SHA-256 of the key is stored, with a
// short visible prefix for recognising it in lists.
import { randomBytes } from "node:crypto";
import { env } from "../env";
import { hashToken } from "../auth/tokens";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 32;
/** Characters of the key shown in lists: `bst_live_` plus 7 random characters (41 bits). */
export const PREFIX_LENGTH = 16;
export const KEY_PATTERN = /^bst_(live|test)_[0-9A-Za-z]{32}$/;

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // Rejection sampling: 248 = 4 * 62, so every character is equally likely.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function keyEnvironment(): "live" | "test" {
  return env().NODE_ENV === "production" ? "live" : "test";
}

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `bst_${keyEnvironment()}_${randomBase62(RANDOM_LENGTH)}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashToken(key) };
}

/** The key carried by `Authorization: Bearer <key>`, or null when no bearer credential is sent. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : "";
}
