// Per-connection webhook secrets: 32 random bytes (base64url), shown once when made,
// stored only as an encrypted Secret row. Slack is the exception: Slack signs with its
// app's signing secret (SLACK_SIGNING_SECRET), which Bastion neither chooses nor shows.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../../audit/record";
import { auditFields, type OrgContext } from "../../context";
import { getDb } from "../../db";
import { env } from "../../env";
import { Invalid } from "../../errors";
import { putSystemSecrets, systemSecretKey } from "../../secrets/system-secrets";
import type { Provider } from "../types";
import { forgetWebhookCredentials } from "../webhooks/credentials";
import { forgetWebhookTarget } from "../webhooks/target";
import { credentialScope } from "./credentials";
import { getConnectionOrThrow } from "./queries";

export function generateWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The secret a new connection verifies its webhooks with, and whether the admin may see it. */
export function webhookSecretFor(provider: Provider): { value: string; shown: boolean } | null {
  if (provider !== "slack") return { value: generateWebhookSecret(), shown: true };
  const signingSecret = env().SLACK_SIGNING_SECRET;
  return signingSecret ? { value: signingSecret, shown: false } : null;
}

/** Replaces the connection's webhook secret; the new one is returned this once. */
export async function rotateWebhookSecret(ctx: OrgContext, connectionId: string): Promise<{ webhookSecret: string }> {
  const webhookSecret = generateWebhookSecret();
  await storeWebhookSecret(ctx, connectionId, webhookSecret, "integration.webhook_secret_rotated");
  return { webhookSecret };
}

/**
 * Sets a secret the provider issued (Linear generates each webhook's signing secret
 * itself, and a provider may do so for any webhook). Never echoed back.
 */
export async function setWebhookSecret(ctx: OrgContext, connectionId: string, secret: string): Promise<{ updated: true }> {
  await storeWebhookSecret(ctx, connectionId, secret, "integration.webhook_secret_set");
  return { updated: true };
}

async function storeWebhookSecret(ctx: OrgContext, connectionId: string, webhookSecret: string, action: string): Promise<void> {
  const connection = await getConnectionOrThrow(getDb(), ctx, connectionId);
  if (connection.provider === "slack") {
    throw new Invalid("Slack signs its requests with the Slack app's signing secret; regenerate it in the Slack app's settings and set SLACK_SIGNING_SECRET");
  }
  const dataKey = await systemSecretKey(ctx.org.id);
  await getDb().$transaction(async (tx) => {
    // Re-read inside the transaction: a disconnect meanwhile must not leave a stray secret.
    await getConnectionOrThrow(tx, ctx, connectionId);
    await putSystemSecrets(tx, dataKey, { orgId: ctx.org.id, scope: credentialScope(connectionId), values: { WEBHOOK_SECRET: webhookSecret }, actorUserId: ctx.actor.userId });
    // A secret signs webhooks again: unsigned deliveries are refused from now on.
    await tx.integrationConnection.update({ where: { id: connectionId }, data: { webhookUnsigned: false } });
    await recordAudit(tx, { ...auditFields(ctx), action, targetType: "integration", targetId: connectionId, metadata: { provider: connection.provider } });
  });
  // The webhook route caches credentials for a minute; in this process they go now.
  forgetWebhookCredentials(connectionId);
  forgetWebhookTarget(connectionId);
}
