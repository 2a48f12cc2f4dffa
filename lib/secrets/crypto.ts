// Secret values under AES-256-GCM with the org's data key. Each encryption draws a fresh
// random 96-bit nonce; the additional authenticated data names the org, the secret and
// the version, so a ciphertext copied to another row or org fails authentication.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export type ValueBinding = { orgId: string; secretId: string; version: number };
export type EncryptedValue = { ciphertext: Buffer; nonce: Buffer };

export function additionalData(binding: ValueBinding): Buffer {
  return Buffer.from(`bastion-secret:v1\u0000${binding.orgId}\u0000${binding.secretId}\u0000${binding.version}`);
}

export function encryptValue(dataKey: Buffer, plaintext: Buffer, binding: ValueBinding): EncryptedValue {
  return seal(dataKey, plaintext, additionalData(binding));
}

/** AES-256-GCM under a data key with a fresh nonce; the tag is appended to the ciphertext. */
export function seal(dataKey: Buffer, plaintext: Buffer, aad: Buffer): EncryptedValue {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", dataKey, nonce);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext, nonce };
}

/** Thrown when a ciphertext does not authenticate; says nothing about the value. */
export class DecryptionFailed extends Error {
  constructor() {
    super("secret value failed authentication");
    this.name = "DecryptionFailed";
  }
}

export function decryptValue(dataKey: Buffer, encrypted: EncryptedValue, binding: ValueBinding): Buffer {
  return open(dataKey, encrypted, additionalData(binding));
}

/** The inverse of seal(); DecryptionFailed when the ciphertext, nonce or AAD do not match. */
export function open(dataKey: Buffer, encrypted: EncryptedValue, aad: Buffer): Buffer {
  const { ciphertext, nonce } = encrypted;
  if (nonce.length !== NONCE_BYTES || ciphertext.length < TAG_BYTES) throw new DecryptionFailed();
  try {
    const decipher = createDecipheriv("aes-256-gcm", dataKey, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
    return Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionFailed();
  }
}
