// A secret's version history (never values) and restoring an old version, which adds
// a new version carrying the old value.
import "server-only";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { NotFound } from "../errors";
import { currentDataKey } from "./data-keys";
import { getSecretOrThrow } from "./secrets";
import { presentSecret } from "./present";
import { assertSecretsEditable } from "./quota";
import { readValue, writeVersion } from "./values";

export async function listVersions(ctx: OrgContext, secretId: string) {
  const secret = await getSecretOrThrow(getDb(), ctx, secretId);
  const rows = await getDb().secretVersion.findMany({
    where: { secretId: secret.id, orgId: ctx.org.id },
    select: { version: true, createdById: true, createdAt: true },
    orderBy: { version: "desc" },
  });
  return rows.map((row) => ({ ...row, current: row.version === secret.currentVersion }));
}

export async function restoreVersion(ctx: OrgContext, secretId: string, version: number) {
  const secret = await getSecretOrThrow(getDb(), ctx, secretId);
  const old = await getDb().secretVersion.findFirst({ where: { secretId: secret.id, orgId: ctx.org.id, version } });
  if (!old) throw new NotFound("Version");
  const value = await readValue(ctx.org.id, old, secret.key);
  const dataKey = await currentDataKey(ctx.org.id);
  return getDb().$transaction(async (tx) => {
    await assertSecretsEditable(tx, ctx.org.id);
    const row = await tx.secret.update({ where: { id: secret.id }, data: { currentVersion: { increment: 1 }, updatedById: ctx.actor.userId } });
    if (row.deletedAt) throw new NotFound("Secret");
    await writeVersion(tx, dataKey, { orgId: ctx.org.id, secretId: row.id, version: row.currentVersion, value, createdById: ctx.actor.userId });
    await recordAudit(tx, {
      ...auditFields(ctx),
      action: "secret.version_restored",
      targetType: "secret",
      targetId: row.id,
      metadata: { key: row.key, restoredVersion: version, version: row.currentVersion },
    });
    return presentSecret(row);
  });
}
