// Unsigned webhooks, chosen explicitly: a Jira Data Center that cannot sign its webhooks
// could never deliver to a connection with a secret, so an admin may remove the secret and
// accept unsigned deliveries, for that connection only. Jira Cloud always signs: never
// unsigned. Generating or setting a webhook secret (webhook-secret.ts) signs them again.
import "server-only";
import { recordAudit } from "../../audit/record";
import { auditFields, type OrgContext } from "../../context";
import type { Tx } from "../../db";
import { Invalid } from "../../errors";
import { deleteSystemSecrets } from "../../secrets/system-secrets";
import { credentialScope } from "./credentials";

type SigningRow = { id: string; provider: string; method: string; name: string; webhookUnsigned: boolean };

export function mayBeUnsigned(connection: Pick<SigningRow, "provider" | "method">): boolean {
  // A Data Center connection is made with a personal access token (providers/jira/api.ts deploymentOf).
  return connection.provider === "jira" && connection.method === "token";
}

/** Inside the update's transaction: removes the webhook secret and marks the connection unsigned (audited). */
export async function makeWebhooksUnsigned(tx: Tx, ctx: OrgContext, connection: SigningRow, unsigned: boolean): Promise<void> {
  if (unsigned === connection.webhookUnsigned) return;
  if (!unsigned) {
    throw new Invalid("To sign this connection's webhooks again, generate a webhook secret and set it in Jira", [{ path: "webhookUnsigned", message: "generate a webhook secret instead", in: "body" }]);
  }
  if (!mayBeUnsigned(connection)) {
    throw new Invalid("Only Jira Data Center connections may receive unsigned webhooks", [{ path: "webhookUnsigned", message: "Jira Data Center only", in: "body" }]);
  }
  await deleteSystemSecrets(tx, ctx.org.id, credentialScope(connection.id), ["WEBHOOK_SECRET"]);
  await tx.integrationConnection.update({ where: { id: connection.id }, data: { webhookUnsigned: true } });
  await recordAudit(tx, { ...auditFields(ctx), action: "integration.webhook_unsigned", targetType: "integration", targetId: connection.id, metadata: { provider: connection.provider, name: connection.name } });
}
