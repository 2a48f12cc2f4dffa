// Credentials that other domains keep for an org (an integration's tokens and webhook
// secret, later billing's): stored as Secret rows of their own scope, so they are
// encrypted, versioned and re-encrypted on rotation exactly like members' secrets, but
// never appear in the secrets console, its reveal or its export (present.ts#visibleTo).
// No "server-only" marker: the worker (plain Node) reads these too.
import { randomBytes } from "node:crypto";
import { getDb, type Tx } from "../db";
import { currentDataKey, type DataKey } from "./data-keys";
import { readValues, writeVersion } from "./values";

/** A scope of system secrets, e.g. `integration:<connectionId>`. */
export type SystemScope = `${string}:${string}`;

export type SystemSecretWrite = { orgId: string; scope: SystemScope; values: Record<string, string>; actorUserId: string | null };

/** The data key to pass to putSystemSecrets; fetch it before opening the transaction. */
export function systemSecretKey(orgId: string): Promise<DataKey> {
  return currentDataKey(orgId);
}

/** Sets each named value of a scope (a new version when it exists), inside the caller's transaction. */
export async function putSystemSecrets(tx: Tx, dataKey: DataKey, write: SystemSecretWrite): Promise<void> {
  for (const [key, value] of Object.entries(write.values)) {
    const existing = await tx.secret.findUnique({ where: { orgId_scope_key: { orgId: write.orgId, scope: write.scope, key } } });
    if (existing) {
      const row = await tx.secret.update({ where: { id: existing.id }, data: { currentVersion: { increment: 1 }, updatedById: write.actorUserId, deletedAt: null } });
      await writeVersion(tx, dataKey, { orgId: write.orgId, secretId: row.id, version: row.currentVersion, value, createdById: write.actorUserId });
      continue;
    }
    const id = `sec_${randomBytes(12).toString("base64url")}`;
    await tx.secret.create({ data: { id, orgId: write.orgId, scope: write.scope, key, createdById: write.actorUserId, updatedById: write.actorUserId } });
    await writeVersion(tx, dataKey, { orgId: write.orgId, secretId: id, version: 1, value, createdById: write.actorUserId });
  }
}

/** The current values of a scope, by key (missing keys are absent). Call outside transactions. */
export async function readSystemSecrets(orgId: string, scope: SystemScope, keys?: string[]): Promise<Record<string, string>> {
  const secrets = await getDb().secret.findMany({
    where: { orgId, scope, deletedAt: null, ...(keys ? { key: { in: keys } } : {}) },
    select: { id: true, key: true, currentVersion: true },
  });
  if (secrets.length === 0) return {};
  const versions = await getDb().secretVersion.findMany({
    where: { OR: secrets.map((secret) => ({ secretId: secret.id, version: secret.currentVersion })) },
  });
  const values = await readValues(orgId, versions);
  const keyOf = new Map(secrets.map((secret) => [secret.id, secret.key]));
  return Object.fromEntries(versions.map((version, index) => [keyOf.get(version.secretId)!, values[index]!]));
}

/** Removes a scope's secrets (or only `keys` of them) and all their versions for good (a disconnected integration). */
export async function deleteSystemSecrets(tx: Tx, orgId: string, scope: SystemScope, keys?: string[]): Promise<void> {
  await tx.secret.deleteMany({ where: { orgId, scope, ...(keys ? { key: { in: keys } } : {}) } });
}
