// The OIDC client secret of an org's SSO connection lives in the org's system secrets
// (scope `sso:<connectionId>`): envelope encryption under the KMS, re-encrypted by key
// rotation like every other secret, so rotating AUTH_SECRET no longer breaks SSO.
// Rows saved before this kept an AUTH_SECRET-derived ciphertext in
// SsoConnection.clientSecretEncrypted; moveLegacySsoClientSecrets moves them at start.
// No "server-only" marker: boot() (plain Node) runs the move.
import { decryptSsoSecret } from "../auth/sso-secret";
import { getDb, type Tx } from "../db";
import { logger } from "../logger";
import type { DataKey } from "../secrets/data-keys";
import { deleteSystemSecrets, putSystemSecrets, readSystemSecrets, systemSecretKey, type SystemScope } from "../secrets/system-secrets";

const KEY = "clientSecret";

export function ssoSecretScope(connectionId: string): SystemScope {
  return `sso:${connectionId}`;
}

export { systemSecretKey as ssoSecretDataKey };

export async function putSsoClientSecret(tx: Tx, dataKey: DataKey, input: { orgId: string; connectionId: string; clientSecret: string; actorUserId: string | null }): Promise<void> {
  await putSystemSecrets(tx, dataKey, { orgId: input.orgId, scope: ssoSecretScope(input.connectionId), values: { [KEY]: input.clientSecret }, actorUserId: input.actorUserId });
}

export async function deleteSsoClientSecret(tx: Tx, orgId: string, connectionId: string): Promise<void> {
  await deleteSystemSecrets(tx, orgId, ssoSecretScope(connectionId));
}

/** The connection's client secret, or null when none can be read (the admin must save it again). */
export async function readSsoClientSecret(connection: { id: string; orgId: string; clientSecretEncrypted: string | null }): Promise<string | null> {
  try {
    const values = await readSystemSecrets(connection.orgId, ssoSecretScope(connection.id), [KEY]);
    if (values[KEY] !== undefined) return values[KEY];
    // Not moved yet (a start that has not run the move): the legacy ciphertext.
    return connection.clientSecretEncrypted ? decryptSsoSecret(connection.orgId, connection.clientSecretEncrypted) : null;
  } catch {
    logger.error({ orgId: connection.orgId }, "cannot decrypt the org's SSO client secret; save the SSO settings again");
    return null;
  }
}

/**
 * Moves every legacy AUTH_SECRET-encrypted client secret into system secrets and clears
 * the column. Idempotent; a row that no longer decrypts (AUTH_SECRET already changed) is
 * left as is and logged: its admin must enter the secret again. Returns how many moved.
 */
export async function moveLegacySsoClientSecrets(): Promise<{ moved: number; undecryptable: number }> {
  const db = getDb();
  const rows = await db.ssoConnection.findMany({ where: { clientSecretEncrypted: { not: null } }, select: { id: true, orgId: true, clientSecretEncrypted: true } });
  let moved = 0;
  let undecryptable = 0;
  for (const row of rows) {
    let clientSecret: string;
    try {
      clientSecret = decryptSsoSecret(row.orgId, row.clientSecretEncrypted!);
    } catch {
      undecryptable += 1;
      logger.error({ orgId: row.orgId }, "a legacy SSO client secret does not decrypt with AUTH_SECRET; the org admin must save it again");
      continue;
    }
    const dataKey = await systemSecretKey(row.orgId);
    await db.$transaction(async (tx) => {
      // Only the row as read: a concurrent start that moved it already changes nothing.
      const { count } = await tx.ssoConnection.updateMany({ where: { id: row.id, clientSecretEncrypted: row.clientSecretEncrypted }, data: { clientSecretEncrypted: null } });
      if (count === 1) await putSsoClientSecret(tx, dataKey, { orgId: row.orgId, connectionId: row.id, clientSecret, actorUserId: null });
    });
    moved += 1;
  }
  if (moved > 0) logger.info({ moved }, "moved legacy SSO client secrets into system secrets");
  return { moved, undecryptable };
}
