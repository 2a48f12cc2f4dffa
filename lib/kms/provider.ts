// The one interface every key-encryption-key provider implements. A provider wraps
// (encrypts) and unwraps org data keys; it never sees secret values. Wrapped keys carry
// the KEK version that made them ("local:v2:…", "vault:v3:…"), so every version still
// present in the keyring decrypts, and rewrap moves a key to the newest version.
export type KmsProviderName = "local" | "vault";

export interface KmsProvider {
  readonly name: KmsProviderName;
  wrap(plaintextKey: Buffer): Promise<string>;
  unwrap(wrappedKey: string): Promise<Buffer>;
  /** Re-encrypts a wrapped key under the newest KEK version without exposing it to the caller. */
  rewrap(wrappedKey: string): Promise<string>;
  /** The KEK version new wraps use. */
  currentKeyVersion(): Promise<number>;
}

/** The KEK version a wrapped key names in its "<prefix>:v<N>:" header. */
export function kekVersionOf(wrappedKey: string): number {
  const match = /^[a-z]+:v(\d+):/.exec(wrappedKey);
  if (!match) throw new Error("wrapped key has no version header");
  return Number(match[1]);
}

/** Raised for any provider failure; its message never includes key material. */
export class KmsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KmsError";
  }
}
