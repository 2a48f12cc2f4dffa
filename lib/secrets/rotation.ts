// Key rotation, two kinds:
// - KEK rotation (`npm run keys:rotate`): every org's data key is rewrapped under the
//   newest key-encryption key. Values are untouched; the plaintext data key is the same,
//   so serving processes (and their caches) keep working throughout. Resumable: each
//   batch picks keys still under an older KEK version.
// - Data-key rotation (per org, from the console): a new data key version; a job
//   re-encrypts the org's values under it in batches, each row updated only if no one
//   else re-encrypted it meanwhile. Old data keys stay (wrapped) so nothing in flight breaks.
// No "server-only" marker: the worker and the rotation script (plain Node) load this.
import type { Db } from "../db";
import { kekVersionOf, kms } from "../kms";
import { decryptValue, encryptValue } from "./crypto";
import { currentDataKey, dataKeys } from "./data-keys";
import { bytes } from "./values";

export type RewrapProgress = { rewrapped: number; batches: number; kekVersion: number };

export async function rewrapDataKeys(db: Db, options: { batchSize?: number; onBatch?: (progress: RewrapProgress) => void } = {}): Promise<RewrapProgress> {
  const provider = kms();
  const kekVersion = await provider.currentKeyVersion();
  const progress: RewrapProgress = { rewrapped: 0, batches: 0, kekVersion };
  let afterId = "";
  for (;;) {
    const batch = await db.orgDataKey.findMany({
      where: { kmsProvider: provider.name, kekVersion: { lt: kekVersion }, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: options.batchSize ?? 100,
    });
    if (batch.length === 0) return progress;
    for (const row of batch) {
      const wrappedKey = await provider.rewrap(row.wrappedKey);
      // Compare-and-set: a concurrent run that already rewrapped this key wins.
      const { count } = await db.orgDataKey.updateMany({
        where: { id: row.id, wrappedKey: row.wrappedKey },
        data: { wrappedKey, kekVersion: kekVersionOf(wrappedKey), rotatedAt: new Date() },
      });
      progress.rewrapped += count;
    }
    afterId = batch[batch.length - 1]!.id;
    progress.batches += 1;
    options.onBatch?.(progress);
  }
}

/** Re-encrypts an org's values written under older data keys; returns how many it moved. */
export async function reencryptOrgValues(db: Db, orgId: string, batchSize = 200): Promise<number> {
  const target = await currentDataKey(orgId);
  let moved = 0;
  for (;;) {
    const rows = await db.secretVersion.findMany({ where: { orgId, dataKeyVersion: { lt: target.version } }, orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) return moved;
    const oldKeys = await dataKeys(orgId, rows.map((row) => row.dataKeyVersion));
    for (const row of rows) {
      const binding = { orgId, secretId: row.secretId, version: row.version };
      const plaintext = decryptValue(oldKeys.get(row.dataKeyVersion)!, { ciphertext: Buffer.from(row.ciphertext), nonce: Buffer.from(row.nonce) }, binding);
      const { ciphertext, nonce } = encryptValue(target.key, plaintext, binding);
      plaintext.fill(0);
      const { count } = await db.secretVersion.updateMany({
        where: { id: row.id, dataKeyVersion: row.dataKeyVersion },
        data: { ciphertext: bytes(ciphertext), nonce: bytes(nonce), dataKeyVersion: target.version },
      });
      moved += count;
    }
  }
}
