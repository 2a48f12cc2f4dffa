// An org rotates its own data key from the console: a new data key version becomes
// current at once, and a job re-encrypts existing values under it in the background.
import "server-only";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { enqueue } from "../jobs/queue";
import { Conflict } from "../errors";
import { recordDataKeyRotated } from "../integrations/events/bastion";
import { insertDataKey, wrapNewDataKey } from "./data-keys";

export async function rotateOrgDataKey(ctx: OrgContext) {
  // The KMS call happens before the transaction; the new key, its job and its audit
  // event are then written together.
  const wrapped = await wrapNewDataKey();
  const latest = await getDb().orgDataKey.findFirst({ where: { orgId: ctx.org.id }, orderBy: { version: "desc" } });
  const version = (latest?.version ?? 0) + 1;
  await getDb().$transaction(async (tx) => {
    if (!(await insertDataKey(tx, ctx.org.id, version, wrapped))) throw new Conflict("The data key is being rotated already; try again");
    await enqueue(tx, "secrets.reencrypt", { orgId: ctx.org.id }, { uniqueKey: `secrets.reencrypt:${ctx.org.id}:${version}` });
    await recordAudit(tx, { ...auditFields(ctx), action: "secret.data_key_rotated", targetType: "org", targetId: ctx.org.id, metadata: { dataKeyVersion: version } });
    await recordDataKeyRotated(tx, { orgId: ctx.org.id, orgSlug: ctx.org.slug, userId: ctx.actor.userId, dataKeyVersion: version });
  });
  return { dataKeyVersion: version };
}
