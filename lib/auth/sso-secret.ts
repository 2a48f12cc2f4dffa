// Encryption of per-org OIDC client secrets at rest: AES-256-GCM with a key derived from
// AUTH_SECRET by HKDF-SHA256, a random 96-bit nonce per value, and the org id as
// additional authenticated data, so a ciphertext copied to another org does not decrypt.
// Stored as `v1.<nonce>.<ciphertext>.<tag>` (base64url). The secrets module will later
// move this onto the KMS-backed envelope encryption.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./secret";

const VERSION = "v1";
const INFO = "bastion:sso-client-secret:v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), Buffer.alloc(0), INFO, 32));
}

export function encryptSsoSecret(orgId: string, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), nonce);
  cipher.setAAD(Buffer.from(orgId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, nonce, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Throws when the value was tampered with, belongs to another org or another AUTH_SECRET. */
export function decryptSsoSecret(orgId: string, stored: string): string {
  const [version, nonce, ciphertext, tag] = stored.split(".");
  if (version !== VERSION || !nonce || ciphertext === undefined || !tag) throw new Error("unrecognised SSO secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(nonce, "base64url"));
  decipher.setAAD(Buffer.from(orgId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
