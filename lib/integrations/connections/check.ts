// Checking a stored connection: the provider is called with its credentials, and the
// outcome is kept on the connection (health in the console) and in the audit log.
import "server-only";
import { recordAudit } from "../../audit/record";
import { auditFields, type OrgContext } from "../../context";
import { getDb } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { ProviderError } from "../outbound/errors";
import { describeProviderFailure } from "../outbound/failure-message";
import { providerClients } from "../providers/clients";
import { connectionRef, providerCallFor } from "./credentials";
import { presentConnection } from "./present";
import { getConnectionOrThrow } from "./queries";

export async function checkConnection(ctx: OrgContext, connectionId: string) {
  const before = await getConnectionOrThrow(getDb(), ctx, connectionId);
  const call = await providerCallFor(before);
  // Outside any transaction: the provider may be slow.
  const outcome = await providerClients[before.provider].check(call).then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => {
      if (error instanceof ProviderError) return { ok: false as const, error: describeProviderFailure(error, { baseUrl: before.baseUrl }) };
      throw error;
    },
  );
  const now = new Date();
  const row = await getDb().$transaction(async (tx) => {
    await getConnectionOrThrow(tx, ctx, connectionId);
    const data: Prisma.IntegrationConnectionUpdateInput = outcome.ok
      ? {
          lastCheckedAt: now,
          lastError: null,
          externalId: before.method === "app" ? before.externalId : (outcome.result.externalId ?? before.externalId),
          // A refresh during the check already saved its expiry; null here means "unknown", not "never".
          ...(outcome.result.tokenExpiresAt ? { tokenExpiresAt: outcome.result.tokenExpiresAt } : {}),
          config: { ...connectionRef(before).config, ...outcome.result.config } as Prisma.InputJsonObject,
        }
      : { lastCheckedAt: now, lastError: outcome.error, lastErrorAt: now };
    const updated = await tx.integrationConnection.update({ where: { id: connectionId }, data });
    await recordAudit(tx, {
      ...auditFields(ctx),
      action: "integration.checked",
      targetType: "integration",
      targetId: connectionId,
      metadata: { provider: before.provider, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) },
    });
    return updated;
  });
  return { ok: outcome.ok, error: outcome.ok ? null : outcome.error, connection: presentConnection(row) };
}
