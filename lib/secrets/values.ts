// Writing and reading encrypted values. A version's AAD is (org, secret, version), so a
// row only decrypts where it was written.
// No "server-only" marker: the worker and `npm run keys:rotate` (plain Node) load this too.
import type { Tx } from "../db";
import { DecryptionFailed, decryptValue, encryptValue } from "./crypto";
import { SecretUndecryptable } from "./errors";
import { dataKeys, type DataKey } from "./data-keys";

type VersionRow = { orgId: string; secretId: string; version: number; ciphertext: Uint8Array; nonce: Uint8Array; dataKeyVersion: number };

export async function writeVersion(tx: Tx, dataKey: DataKey, row: { orgId: string; secretId: string; version: number; value: string; createdById: string | null }) {
  const binding = { orgId: row.orgId, secretId: row.secretId, version: row.version };
  const { ciphertext, nonce } = encryptValue(dataKey.key, Buffer.from(row.value, "utf8"), binding);
  await tx.secretVersion.create({
    data: { orgId: row.orgId, secretId: row.secretId, version: row.version, ciphertext: bytes(ciphertext), nonce: bytes(nonce), dataKeyVersion: dataKey.version, createdById: row.createdById },
  });
}

/**
 * Decrypts versions of one org, in row order; null where a row does not decrypt (its AAD
 * names another org, secret or version, its bytes were altered, or its data key is gone).
 * Fetch the rows first, then call this outside any transaction.
 */
export async function readValuesOrNull(orgId: string, rows: VersionRow[]): Promise<(string | null)[]> {
  const keys = await dataKeys(orgId, rows.map((row) => row.dataKeyVersion));
  return rows.map((row) => {
    const key = keys.get(row.dataKeyVersion);
    if (!key) return null;
    const encrypted = { ciphertext: Buffer.from(row.ciphertext), nonce: Buffer.from(row.nonce) };
    try {
      return decryptValue(key, encrypted, { orgId: row.orgId, secretId: row.secretId, version: row.version }).toString("utf8");
    } catch (error) {
      if (error instanceof DecryptionFailed) return null;
      throw error;
    }
  });
}

/** Like readValuesOrNull, all or nothing: the first row that does not decrypt throws SecretUndecryptable. */
export async function readValues(orgId: string, rows: VersionRow[]): Promise<string[]> {
  const values = await readValuesOrNull(orgId, rows);
  return values.map((value, index) => {
    if (value === null) throw new SecretUndecryptable({ secretId: rows[index]!.secretId, version: rows[index]!.version });
    return value;
  });
}

/** One version's value; SecretUndecryptable names the secret by its key. */
export async function readValue(orgId: string, row: VersionRow, key: string): Promise<string> {
  const [value] = await readValuesOrNull(orgId, [row]);
  if (value === null || value === undefined) throw new SecretUndecryptable({ secretId: row.secretId, version: row.version, key });
  return value;
}

/** Prisma's Bytes wants a Uint8Array over a plain ArrayBuffer. */
export function bytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer);
}
