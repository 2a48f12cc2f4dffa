// The TOTP shared secret at rest: envelope encryption under the KMS, like org secrets.
// Each enrolment gets a fresh AES-256 data key, wrapped by the KMS and stored beside the
// ciphertext, with the user id as additional data (a value copied to another user's row
// does not decrypt). Users belong to no org, so the org data keys do not apply; KEK
// rotation rewraps these keys too (rewrapTotpKeys, run by `npm run keys:rotate`).
// Rows written before this kept the secret in plain User.totpSecret;
// encryptLegacyTotpSecrets moves them at start. The secret is never logged.
// No "server-only" marker: boot() and keys:rotate (plain Node) run the move and rewrap.
import { randomBytes } from "node:crypto";
import { getDb, type Db } from "../../db";
import { kekVersionOf, kms } from "../../kms";
import { logger } from "../../logger";
import { open, seal } from "../../secrets/crypto";

/** Stored in User.totpSecretEncrypted: the wrapped data key and the sealed secret. */
type Sealed = { wrappedKey: string; nonce: string; ciphertext: string };

const additionalData = (userId: string) => Buffer.from(`bastion-totp:${userId}`);

export async function sealTotpSecret(userId: string, secret: string): Promise<string> {
  const dataKey = randomBytes(32);
  try {
    const { nonce, ciphertext } = seal(dataKey, Buffer.from(secret, "utf8"), additionalData(userId));
    const sealed: Sealed = { wrappedKey: await kms().wrap(dataKey), nonce: nonce.toString("base64"), ciphertext: ciphertext.toString("base64") };
    return JSON.stringify(sealed);
  } finally {
    dataKey.fill(0);
  }
}

export async function openTotpSecret(userId: string, stored: string): Promise<string> {
  const sealed = JSON.parse(stored) as Sealed;
  const dataKey = await kms().unwrap(sealed.wrappedKey);
  try {
    const encrypted = { ciphertext: Buffer.from(sealed.ciphertext, "base64"), nonce: Buffer.from(sealed.nonce, "base64") };
    return open(dataKey, encrypted, additionalData(userId)).toString("utf8");
  } finally {
    dataKey.fill(0);
  }
}

/** The user's secret from whichever column holds it (the plain one only until the move at start). */
export async function readTotpSecret(user: { id: string; totpSecretEncrypted: string | null; totpSecret: string | null }): Promise<string | null> {
  if (user.totpSecretEncrypted) return openTotpSecret(user.id, user.totpSecretEncrypted);
  return user.totpSecret;
}

/** Encrypts every plain TOTP secret and clears the plain column. Idempotent; returns how many moved. */
export async function encryptLegacyTotpSecrets(db: Db = getDb()): Promise<{ moved: number }> {
  const rows = await db.user.findMany({ where: { totpSecret: { not: null } }, select: { id: true, totpSecret: true } });
  let moved = 0;
  for (const row of rows) {
    const sealed = await sealTotpSecret(row.id, row.totpSecret!);
    // Only the row as read: a concurrent start, or a new enrolment, wins.
    const { count } = await db.user.updateMany({ where: { id: row.id, totpSecret: row.totpSecret }, data: { totpSecret: null, totpSecretEncrypted: sealed } });
    moved += count;
  }
  if (moved > 0) logger.info({ moved }, "encrypted legacy plain TOTP secrets");
  return { moved };
}

/** KEK rotation: rewraps each TOTP data key under an older KEK version; the ciphertext stays. */
export async function rewrapTotpKeys(db: Db = getDb()): Promise<{ rewrapped: number }> {
  const provider = kms();
  const current = await provider.currentKeyVersion();
  const rows = await db.user.findMany({ where: { totpSecretEncrypted: { not: null } }, select: { id: true, totpSecretEncrypted: true } });
  let rewrapped = 0;
  for (const row of rows) {
    const sealed = JSON.parse(row.totpSecretEncrypted!) as Sealed;
    if (!sealed.wrappedKey.startsWith(`${provider.name}:`) || kekVersionOf(sealed.wrappedKey) >= current) continue;
    const next: Sealed = { ...sealed, wrappedKey: await provider.rewrap(sealed.wrappedKey) };
    const { count } = await db.user.updateMany({ where: { id: row.id, totpSecretEncrypted: row.totpSecretEncrypted }, data: { totpSecretEncrypted: JSON.stringify(next) } });
    rewrapped += count;
  }
  return { rewrapped };
}
