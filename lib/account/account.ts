// The account page's profile: who the signed-in user is, and renaming them.
import "server-only";
import { getDb } from "../db";
import { NotFound } from "../errors";
import { recordAudit } from "../audit/record";
import { auditFields, type AccountActor } from "./actor";
import type { AccountView } from "./types";

export async function getAccount(userId: string): Promise<AccountView> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      passwordHash: true,
      telemetryOptOut: true,
      // Provider and subject only: OAuth tokens stay in the database.
      accounts: { select: { provider: true, providerAccountId: true }, orderBy: { provider: "asc" } },
    },
  });
  if (!user) throw new NotFound("Account");
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified?.toISOString() ?? null,
    hasPassword: user.passwordHash !== null,
    telemetryOptOut: user.telemetryOptOut,
    identities: user.accounts.map((account) => ({ provider: account.provider, providerAccountId: account.providerAccountId })),
  };
}

export async function updateName(actor: AccountActor, name: string): Promise<AccountView> {
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { name } });
    await recordAudit(tx, { ...auditFields(actor), action: "account.name_changed", targetType: "user", targetId: actor.userId });
  });
  return getAccount(actor.userId);
}

export async function setTelemetryOptOut(actor: AccountActor, optOut: boolean): Promise<AccountView> {
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { telemetryOptOut: optOut } });
    await recordAudit(tx, { ...auditFields(actor), action: "account.telemetry_changed", targetType: "user", targetId: actor.userId, metadata: { optOut } });
  });
  return getAccount(actor.userId);
}
