// The value cipher: AES-256-GCM with a per-encryption random nonce and AAD binding the
// ciphertext to its org, secret and version.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { localProvider } from "../kms/local";
import { DecryptionFailed, NONCE_BYTES, decryptValue, encryptValue, type ValueBinding } from "./crypto";

const binding: ValueBinding = { orgId: "org_a", secretId: "sec_1", version: 3 };

describe("secret value encryption", () => {
  it("round-trips values, including empty and 64 KiB ones", () => {
    const key = randomBytes(32);
    for (const value of [Buffer.alloc(0), Buffer.from("postgres://u:p@db/app"), randomBytes(64 * 1024)]) {
      expect(decryptValue(key, encryptValue(key, value, binding), binding).equals(value)).toBe(true);
    }
  });

  it("refuses a ciphertext with any single byte of ciphertext, tag or nonce changed", () => {
    const key = randomBytes(32);
    const encrypted = encryptValue(key, Buffer.from("a secret worth protecting"), binding);
    for (const field of ["ciphertext", "nonce"] as const) {
      for (let index = 0; index < encrypted[field].length; index++) {
        const tampered = { ...encrypted, [field]: Buffer.from(encrypted[field]) };
        tampered[field][index]! ^= 0x01;
        expect(() => decryptValue(key, tampered, binding)).toThrow(DecryptionFailed);
      }
    }
  });

  it("refuses a ciphertext presented for another org, secret or version (AAD swap)", () => {
    const key = randomBytes(32);
    const encrypted = encryptValue(key, Buffer.from("bound"), binding);
    for (const other of [{ ...binding, orgId: "org_b" }, { ...binding, secretId: "sec_2" }, { ...binding, version: 4 }]) {
      expect(() => decryptValue(key, encrypted, other)).toThrow(DecryptionFailed);
    }
    expect(() => decryptValue(randomBytes(32), encrypted, binding)).toThrow(DecryptionFailed);
  });

  it("draws a distinct 96-bit nonce for each of 100,000 encryptions", () => {
    const key = randomBytes(32);
    const seen = new Set<string>();
    for (let index = 0; index < 100_000; index++) {
      const { nonce } = encryptValue(key, Buffer.from("x"), binding);
      expect(nonce.length).toBe(NONCE_BYTES);
      seen.add(nonce.toString("hex"));
    }
    expect(seen.size).toBe(100_000);
  });

  it("decrypts under a data key wrapped by a retired-but-present master key, and after rotation", async () => {
    const v1 = { version: 1, key: randomBytes(32) };
    const dataKey = randomBytes(32);
    const wrappedByV1 = await localProvider([v1]).wrap(dataKey);
    const encrypted = encryptValue(dataKey, Buffer.from("survives rotation"), binding);
    // v2 now encrypts; v1 is retired but still in the keyring.
    const rotated = localProvider([v1, { version: 2, key: randomBytes(32) }]);
    const unwrapped = await rotated.unwrap(wrappedByV1);
    expect(decryptValue(unwrapped, encrypted, binding).toString()).toBe("survives rotation");
    const rewrapped = await rotated.rewrap(wrappedByV1);
    expect(rewrapped.startsWith("local:v2:")).toBe(true);
    expect(decryptValue(await rotated.unwrap(rewrapped), encrypted, binding).toString()).toBe("survives rotation");
  });
});
