// Writing and reading encrypted values. A version's AAD is (org, secret, version), so a
// row only decrypts where it was written.
// No "server-only" marker: the worker and `npm run keys:rotate` (plain Node) load this too.
import type { Tx } from "../db";
import { decryptValue, encryptValue } from "./crypto";
import { dataKeys, type DataKey } from "./data-keys";

type VersionRow = { orgId: string; secretId: string; version: number; ciphertext: Uint8Array; nonce: Uint8Array; dataKeyVersion: number };

export async function writeVersion(tx: Tx, dataKey: DataKey, row: { orgId: string; secretId: string; version: number; value: string; createdById: string | null }) {
  const binding = { orgId: row.orgId, secretId: row.secretId, version: row.version };
  const { ciphertext, nonce } = encryptValue(dataKey.key, Buffer.from(row.value, "utf8"), binding);
  await tx.secretVersion.create({
    data: { orgId: row.orgId, secretId: row.secretId, version: row.version, ciphertext: bytes(ciphertext), nonce: bytes(nonce), dataKeyVersion: dataKey.version, createdById: row.createdById },
  });
}

/** Decrypts versions of one org; fetch the rows first, then call this outside any transaction. */
export async function readValues(orgId: string, rows: VersionRow[]): Promise<string[]> {
  const keys = await dataKeys(orgId, rows.map((row) => row.dataKeyVersion));
  return rows.map((row) => {
    const key = keys.get(row.dataKeyVersion);
    if (!key) throw new Error(`data key v${row.dataKeyVersion} is missing`);
    const encrypted = { ciphertext: Buffer.from(row.ciphertext), nonce: Buffer.from(row.nonce) };
    return decryptValue(key, encrypted, { orgId: row.orgId, secretId: row.secretId, version: row.version }).toString("utf8");
  });
}

/** Prisma's Bytes wants a Uint8Array over a plain ArrayBuffer. */
export function bytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer);
}
