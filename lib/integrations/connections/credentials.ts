// The ProviderCall for a stored connection: its non-secret settings, its credentials
// (decrypted from its Secret rows) and the way to persist changed ones (a refreshed
// OAuth token, a rotated refresh token). No "server-only" marker: the worker (plain
// Node) builds calls for sync and notify jobs too.
import { getDb } from "../../db";
import { putSystemSecrets, readSystemSecrets, systemSecretKey, type SystemScope } from "../../secrets/system-secrets";
import { withLock } from "../locks";
import type { ConnectionRef, Credentials, Provider, ProviderCall } from "../types";

/** The Secret scope holding one connection's credentials and webhook secret. */
export function credentialScope(connectionId: string): SystemScope {
  return `integration:${connectionId}`;
}

type ConnectionRow = {
  id: string;
  orgId: string;
  provider: Provider;
  method: string;
  baseUrl: string | null;
  externalId: string | null;
  config: unknown;
  tokenExpiresAt?: Date | null;
};

export function connectionRef(row: ConnectionRow): ConnectionRef {
  const config = row.config && typeof row.config === "object" && !Array.isArray(row.config) ? (row.config as Record<string, unknown>) : {};
  return { id: row.id, orgId: row.orgId, provider: row.provider, method: row.method, baseUrl: row.baseUrl, externalId: row.externalId, config, tokenExpiresAt: row.tokenExpiresAt ?? null };
}

/** Writes changed credentials (merged over the stored ones) and, when given, the token expiry, in one transaction. */
export async function saveConnectionCredentials(connection: { id: string; orgId: string }, update: Credentials, tokenExpiresAt?: Date | null): Promise<void> {
  const dataKey = await systemSecretKey(connection.orgId);
  await getDb().$transaction(async (tx) => {
    await putSystemSecrets(tx, dataKey, { orgId: connection.orgId, scope: credentialScope(connection.id), values: update, actorUserId: null });
    if (tokenExpiresAt !== undefined) {
      await tx.integrationConnection.updateMany({ where: { id: connection.id, orgId: connection.orgId }, data: { tokenExpiresAt } });
    }
  });
}

/**
 * A call for a connection that exists. Saved credentials also replace the in-memory
 * ones, so a retry within the same call uses the refreshed token.
 */
export async function providerCallFor(row: ConnectionRow): Promise<ProviderCall> {
  const connection = connectionRef(row);
  const credentials = await readSystemSecrets(row.orgId, credentialScope(row.id));
  return {
    connection,
    credentials,
    async saveCredentials(update, tokenExpiresAt) {
      await saveConnectionCredentials(row, update, tokenExpiresAt);
      Object.assign(credentials, update);
      if (tokenExpiresAt !== undefined) connection.tokenExpiresAt = tokenExpiresAt;
    },
    underRefreshLock: (refresh) =>
      withLock(`integration-refresh:${row.id}`, async () => {
        const stored = await getDb().integrationConnection.findUnique({ where: { id: row.id }, select: { tokenExpiresAt: true } });
        return refresh({ credentials: await readSystemSecrets(row.orgId, credentialScope(row.id)), tokenExpiresAt: stored?.tokenExpiresAt ?? null });
      }),
  };
}

/** The connection with this id in any org (jobs carry ids, not request contexts), or null. */
export async function loadConnection(connectionId: string) {
  return getDb().integrationConnection.findUnique({ where: { id: connectionId } });
}

/**
 * A call for a connection not stored yet (being connected): credentials saved during
 * the check stay in memory and are written with the new connection.
 */
export function pendingProviderCall(connection: ConnectionRef, credentials: Credentials): ProviderCall & { tokenExpiresAt?: Date | null } {
  const call: ProviderCall & { tokenExpiresAt?: Date | null } = {
    connection,
    credentials,
    async saveCredentials(update, tokenExpiresAt) {
      Object.assign(credentials, update);
      if (tokenExpiresAt !== undefined) call.tokenExpiresAt = connection.tokenExpiresAt = tokenExpiresAt;
    },
  };
  return call;
}
