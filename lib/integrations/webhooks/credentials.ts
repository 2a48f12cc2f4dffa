// The webhook credentials of a connection, cached in this process for a short while:
// they are needed on every delivery, and reading them costs two queries and a
// decryption. A verification that fails with cached credentials is retried once with
// fresh ones (ingest.ts), so a secret rotated in another process is picked up at once;
// within this process, rotation calls forgetWebhookCredentials.
import "server-only";
import { processSingleton } from "../../runtime";
import { readSystemSecrets } from "../../secrets/system-secrets";
import type { Credentials } from "../types";

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

type Entry = { credentials: Credentials; names: string; expiresAt: number };

// processSingleton: the Next bundle and the scripts load their own copies of lib/.
const cache = () => processSingleton("webhook-credentials-cache", () => new Map<string, Entry>());

export type WebhookCredentials = { credentials: Credentials; cached: boolean };

export async function webhookCredentials(connection: { id: string; orgId: string }, names: string[], options: { fresh?: boolean } = {}): Promise<WebhookCredentials> {
  const key = names.join(",");
  const hit = cache().get(connection.id);
  if (!options.fresh && hit && hit.names === key && hit.expiresAt > Date.now()) return { credentials: hit.credentials, cached: true };
  const credentials = await readSystemSecrets(connection.orgId, `integration:${connection.id}`, names);
  if (cache().size >= MAX_ENTRIES) cache().clear();
  cache().set(connection.id, { credentials, names: key, expiresAt: Date.now() + TTL_MS });
  return { credentials, cached: false };
}

/** Drops this process's cached webhook credentials of a connection (after a rotation or disconnect). */
export function forgetWebhookCredentials(connectionId: string): void {
  cache().delete(connectionId);
}
