// Disconnecting: the connection's credentials and webhook secret are destroyed (not
// soft-deleted), the connection goes with its deliveries and resources (cascade), and
// notification rules posting through it go too, all in one audited transaction.
import "server-only";
import { recordAudit } from "../../audit/record";
import { auditFields, type OrgContext } from "../../context";
import { getDb } from "../../db";
import { deleteSystemSecrets } from "../../secrets/system-secrets";
import { forgetWebhookCredentials } from "../webhooks/credentials";
import { credentialScope } from "./credentials";
import { getConnectionOrThrow } from "./queries";

export async function disconnect(ctx: OrgContext, connectionId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await getConnectionOrThrow(tx, ctx, connectionId);
    await deleteSystemSecrets(tx, ctx.org.id, credentialScope(row.id));
    const rules = await tx.notificationRule.deleteMany({ where: { orgId: ctx.org.id, slackConnectionId: row.id } });
    await tx.integrationConnection.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      ...auditFields(ctx),
      action: "integration.disconnected",
      targetType: "integration",
      targetId: row.id,
      metadata: { provider: row.provider, method: row.method, name: row.name, rulesRemoved: rules.count },
    });
  });
  // The webhook route caches credentials for a minute; in this process they go now.
  forgetWebhookCredentials(connectionId);
}
