// The `local` KMS provider: a keyring of versioned 256-bit master keys (from
// BASTION_MASTER_KEYS). The newest version wraps; every version present unwraps, so a
// retired key stays usable until `npm run keys:rotate` has rewrapped everything.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { KmsError, kekVersionOf, type KmsProvider } from "./provider";

export type MasterKey = { version: number; key: Buffer };

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function aad(version: number): Buffer {
  return Buffer.from(`bastion-kek:v${version}`);
}

export function localProvider(keyring: MasterKey[]): KmsProvider {
  if (keyring.length === 0) throw new KmsError("the local keyring is empty");
  const byVersion = new Map(keyring.map((entry) => [entry.version, entry.key]));
  const newest = Math.max(...byVersion.keys());

  function wrapWith(version: number, plaintext: Buffer): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", byVersion.get(version)!, nonce);
    cipher.setAAD(aad(version));
    const body = Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return `local:v${version}:${body.toString("base64")}`;
  }

  function unwrapSync(wrapped: string): Buffer {
    if (!wrapped.startsWith("local:")) throw new KmsError("not a local-provider wrapped key");
    const version = kekVersionOf(wrapped);
    const key = byVersion.get(version);
    if (!key) throw new KmsError(`master key v${version} is not in the keyring`);
    const body = Buffer.from(wrapped.slice(wrapped.indexOf(":", 6) + 1), "base64");
    if (body.length < NONCE_BYTES + TAG_BYTES) throw new KmsError("wrapped key is truncated");
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, body.subarray(0, NONCE_BYTES));
      decipher.setAAD(aad(version));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(NONCE_BYTES, body.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new KmsError("wrapped key failed authentication");
    }
  }

  return {
    name: "local",
    wrap: async (plaintext) => wrapWith(newest, plaintext),
    unwrap: async (wrapped) => unwrapSync(wrapped),
    rewrap: async (wrapped) => {
      const plaintext = unwrapSync(wrapped);
      try {
        return wrapWith(newest, plaintext);
      } finally {
        plaintext.fill(0);
      }
    },
    currentKeyVersion: async () => newest,
  };
}

/** Parses "v1:<base64 32 bytes>,v2:…" (the format lib/env.ts validates). */
export function parseMasterKeys(value: string): MasterKey[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^v(\d+):([A-Za-z0-9+/_-]+={0,2})$/.exec(entry);
      const key = match ? Buffer.from(match[2]!, "base64") : Buffer.alloc(0);
      if (!match || key.length !== 32) throw new KmsError("expected v<N>:<base64 of 32 bytes> entries");
      return { version: Number(match[1]), key };
    });
}
