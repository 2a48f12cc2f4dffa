// Integration connections for tests, written straight through Prisma and the secrets
// module against the run's real database: the row, and its credentials (webhook secret,
// tokens) as encrypted system secrets, in one transaction.
import { randomBytes } from "node:crypto";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Credentials, Provider } from "../integrations/types";
import { putSystemSecrets, systemSecretKey } from "../secrets/system-secrets";

const DEFAULT_METHOD: Record<Provider, string> = { github: "app", gitlab: "token", jira: "token", linear: "api_key", slack: "bot" };

export type TestConnectionOverrides = {
  id?: string;
  method?: string;
  name?: string;
  status?: "active" | "disabled";
  baseUrl?: string | null;
  externalId?: string | null;
  config?: Record<string, unknown>;
  createdById?: string | null;
};

export async function createTestConnection(orgId: string, provider: Provider, credentials: Credentials, overrides: TestConnectionOverrides = {}) {
  const dataKey = await systemSecretKey(orgId);
  return getDb().$transaction(async (tx) => {
    const connection = await tx.integrationConnection.create({
      data: {
        id: overrides.id ?? `con_${randomBytes(12).toString("base64url")}`,
        orgId,
        provider,
        method: overrides.method ?? DEFAULT_METHOD[provider],
        name: overrides.name ?? `Test ${provider}`,
        status: overrides.status ?? "active",
        baseUrl: overrides.baseUrl ?? null,
        externalId: overrides.externalId ?? null,
        config: (overrides.config ?? {}) as Prisma.InputJsonObject,
        createdById: overrides.createdById ?? null,
      },
    });
    if (Object.keys(credentials).length > 0) {
      await putSystemSecrets(tx, dataKey, { orgId, scope: `integration:${connection.id}`, values: credentials, actorUserId: null });
    }
    return connection;
  });
}
