// Writes a new connection: the row, its credentials and a fresh webhook secret as
// Secret rows, the audit event and its first sync, all in one transaction, so a
// failure leaves nothing behind. Shared by token connects and OAuth/app-install callbacks.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../../audit/record";
import { auditFields, type OrgContext } from "../../context";
import { getDb } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { putSystemSecrets, systemSecretKey } from "../../secrets/system-secrets";
import { assertIntegrationQuota } from "../quota";
import { SYNC_TASK, enqueueSync } from "../sync/enqueue";
import type { Credentials, Provider } from "../types";
import { credentialScope } from "./credentials";
import { claimInstallation } from "./installation-claim";
import { presentConnection } from "./present";
import { webhookSecretFor } from "./webhook-secret";

export type NewConnection = {
  id: string;
  provider: Provider;
  method: string;
  name: string;
  baseUrl: string | null;
  externalId: string | null;
  config: Record<string, unknown>;
  tokenExpiresAt: Date | null;
  credentials: Credentials;
};

/** Connection ids are chosen before the row exists: the provider check already sees one. */
export function newConnectionId(): string {
  return `con_${randomBytes(12).toString("base64url")}`;
}

export async function storeConnection(ctx: OrgContext, connection: NewConnection) {
  const dataKey = await systemSecretKey(ctx.org.id);
  const webhookSecret = webhookSecretFor(connection.provider);
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    await assertIntegrationQuota(tx, ctx.org.id);
    if (connection.provider === "github" && connection.method === "app" && connection.externalId) await claimInstallation(tx, ctx.org.id, connection.externalId);
    const row = await tx.integrationConnection.create({
      data: {
        id: connection.id,
        orgId: ctx.org.id,
        provider: connection.provider,
        method: connection.method,
        name: connection.name,
        baseUrl: connection.baseUrl,
        externalId: connection.externalId,
        config: connection.config as Prisma.InputJsonObject,
        tokenExpiresAt: connection.tokenExpiresAt,
        lastCheckedAt: now,
        createdById: ctx.actor.userId,
      },
    });
    await putSystemSecrets(tx, dataKey, {
      orgId: ctx.org.id,
      scope: credentialScope(row.id),
      values: { ...connection.credentials, ...(webhookSecret ? { WEBHOOK_SECRET: webhookSecret.value } : {}) },
      actorUserId: ctx.actor.userId,
    });
    await recordAudit(tx, {
      ...auditFields(ctx),
      action: "integration.connected",
      targetType: "integration",
      targetId: row.id,
      metadata: { provider: row.provider, method: row.method, name: row.name, externalId: row.externalId },
    });
    await enqueueSync(tx, row.id, `${SYNC_TASK}:${row.id}:connected`);
    return { connection: presentConnection(row), webhookSecret: webhookSecret?.shown ? webhookSecret.value : null };
  });
}
