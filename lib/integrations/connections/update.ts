// Renaming a connection, turning it off or on, and choosing unsigned webhooks (signing.ts). A disabled connection answers its
// webhooks with 410 and is left out of syncs and notifications; nothing is deleted.
import "server-only";
import type { z } from "zod";
import { recordAudit } from "../../audit/record";
import { auditFields, type OrgContext } from "../../context";
import { getDb } from "../../db";
import { assertConnectionsEditable } from "../quota";
import { presentConnection } from "./present";
import { forgetWebhookCredentials } from "../webhooks/credentials";
import { forgetWebhookTarget } from "../webhooks/target";
import { getConnectionOrThrow } from "./queries";
import { makeWebhooksUnsigned } from "./signing";
import type { updateConnectionSchema } from "./schemas";

export async function updateConnection(ctx: OrgContext, connectionId: string, input: z.output<typeof updateConnectionSchema>) {
  const row = await getDb().$transaction(async (tx) => {
    const before = await getConnectionOrThrow(tx, ctx, connectionId);
    // Above the plan's connections, only turning a connection off is allowed (and disconnecting, elsewhere).
    const onlyDisabling = input.status === "disabled" && input.name === undefined && input.webhookUnsigned === undefined;
    if (!onlyDisabling) await assertConnectionsEditable(tx, ctx.org.id);
    if (input.webhookUnsigned !== undefined) await makeWebhooksUnsigned(tx, ctx, before, input.webhookUnsigned);
    const after = await tx.integrationConnection.update({
      where: { id: before.id },
      data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.status !== undefined ? { status: input.status } : {}) },
    });
    const audit = { ...auditFields(ctx), targetType: "integration", targetId: after.id } as const;
    if (input.name !== undefined && input.name !== before.name) {
      await recordAudit(tx, { ...audit, action: "integration.updated", metadata: { provider: after.provider, name: after.name, previousName: before.name } });
    }
    if (input.status !== undefined && input.status !== before.status) {
      await recordAudit(tx, { ...audit, action: input.status === "disabled" ? "integration.disabled" : "integration.enabled", metadata: { provider: after.provider, name: after.name } });
    }
    return after;
  });
  if (input.webhookUnsigned !== undefined) {
    forgetWebhookCredentials(row.id);
    forgetWebhookTarget(row.id);
  }
  return presentConnection(row);
}
