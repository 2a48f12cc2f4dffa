// Secrets of an org: list, create, update (a new version per change), delete and undelete.
// Values go in and never come out here; lib/secrets/reveal.ts is the only way out.
import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb, type Tx } from "../db";
import { Conflict, NotFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { currentDataKey, type DataKey } from "./data-keys";
import { presentSecret, scopeOf, visibleTo } from "./present";
import { assertSecretQuota, assertSecretsEditable } from "./quota";
import type { createSecretSchema, listSecretsQuery, updateSecretSchema } from "./schemas";
import { readValue, writeVersion } from "./values";

export async function listSecrets(ctx: OrgContext, query: z.output<typeof listSecretsQuery>) {
  const where: Prisma.SecretWhereInput = { ...visibleTo(ctx), deletedAt: query.deleted === "1" ? { not: null } : null };
  if (query.environment) where.environment = query.environment;
  if (query.search) {
    where.AND = { OR: [{ key: { contains: query.search.toUpperCase() } }, { description: { contains: query.search, mode: "insensitive" } }] };
  }
  const rows = await getDb().secret.findMany({ where, orderBy: { key: "asc" }, take: 1000 });
  return rows.map(presentSecret);
}

/** A visible secret of the caller's org, or NotFound (also for other orgs' ids). */
export async function getSecretOrThrow(db: Tx | ReturnType<typeof getDb>, ctx: OrgContext, secretId: string, options: { deleted?: boolean } = {}) {
  const row = await db.secret.findFirst({ where: { ...visibleTo(ctx), id: secretId, deletedAt: options.deleted ? { not: null } : null } });
  if (!row) throw new NotFound("Secret");
  return row;
}

/** An enclosing transaction (e.g. an import), with the data key fetched before it opened. */
export type Within = { tx: Tx; dataKey: DataKey };

export async function createSecret(ctx: OrgContext, input: z.output<typeof createSecretSchema>, within?: Within) {
  const dataKey = within?.dataKey ?? (await currentDataKey(ctx.org.id));
  const ownerUserId = input.personal ? ctx.actor.userId : null;
  const scope = scopeOf(ownerUserId);
  const run = async (tx: Tx) => {
    const existing = await tx.secret.findUnique({ where: { orgId_scope_key: { orgId: ctx.org.id, scope, key: input.key } } });
    if (existing?.deletedAt) throw new Conflict(`A deleted secret named ${input.key} exists; undelete it instead`);
    if (existing) throw new Conflict(`A secret named ${input.key} already exists`);
    await assertSecretQuota(tx, ctx.org.id, 1);
    const id = `sec_${randomBytes(12).toString("base64url")}`;
    const row = await tx.secret.create({
      data: { id, orgId: ctx.org.id, ownerUserId, scope, key: input.key, description: input.description, environment: input.environment ?? null, createdById: ctx.actor.userId, updatedById: ctx.actor.userId },
    });
    await writeVersion(tx, dataKey, { orgId: ctx.org.id, secretId: id, version: 1, value: input.value, createdById: ctx.actor.userId });
    await recordAudit(tx, { ...auditFields(ctx), action: "secret.created", targetType: "secret", targetId: id, metadata: { key: input.key, version: 1, personal: input.personal } });
    return presentSecret(row);
  };
  return within ? run(within.tx) : getDb().$transaction(run);
}

/**
 * Every change adds a version: a new value, or the current value carried forward under
 * the new version (re-encrypted, since the AAD names the version) when only the
 * description or environment changes.
 */
export async function updateSecret(ctx: OrgContext, secretId: string, input: z.output<typeof updateSecretSchema>, within?: Within) {
  const before = await getSecretOrThrow(within?.tx ?? getDb(), ctx, secretId);
  const dataKey = within?.dataKey ?? (await currentDataKey(ctx.org.id));
  let value = input.value;
  if (value === undefined) {
    if (within) throw new Error("updateSecret within a transaction needs a value");
    const current = await getDb().secretVersion.findUniqueOrThrow({ where: { secretId_version: { secretId, version: before.currentVersion } } });
    value = await readValue(ctx.org.id, current, before.key);
  }
  const run = async (tx: Tx) => {
    if (!within) await assertSecretsEditable(tx, ctx.org.id);
    // The increment locks the row, so concurrent updates get consecutive versions.
    const row = await tx.secret.update({
      where: { id: before.id },
      data: {
        currentVersion: { increment: 1 },
        updatedById: ctx.actor.userId,
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.environment !== undefined ? { environment: input.environment } : {}),
      },
    });
    if (row.deletedAt) throw new NotFound("Secret");
    if (input.value === undefined && row.currentVersion !== before.currentVersion + 1) throw new Conflict("The secret changed meanwhile; try again");
    await writeVersion(tx, dataKey, { orgId: ctx.org.id, secretId, version: row.currentVersion, value: value!, createdById: ctx.actor.userId });
    const changed = Object.keys(input).filter((name) => input[name as keyof typeof input] !== undefined);
    await recordAudit(tx, { ...auditFields(ctx), action: "secret.updated", targetType: "secret", targetId: secretId, metadata: { key: row.key, version: row.currentVersion, changed } });
    return presentSecret(row);
  };
  return within ? run(within.tx) : getDb().$transaction(run);
}

export async function deleteSecret(ctx: OrgContext, secretId: string) {
  return getDb().$transaction(async (tx) => {
    const row = await getSecretOrThrow(tx, ctx, secretId);
    const deleted = await tx.secret.update({ where: { id: row.id }, data: { deletedAt: new Date(), updatedById: ctx.actor.userId } });
    await recordAudit(tx, { ...auditFields(ctx), action: "secret.deleted", targetType: "secret", targetId: row.id, metadata: { key: row.key } });
    return presentSecret(deleted);
  });
}

export async function undeleteSecret(ctx: OrgContext, secretId: string) {
  return getDb().$transaction(async (tx) => {
    const row = await getSecretOrThrow(tx, ctx, secretId, { deleted: true });
    await assertSecretQuota(tx, ctx.org.id, 1);
    const restored = await tx.secret.update({ where: { id: row.id }, data: { deletedAt: null, updatedById: ctx.actor.userId } });
    await recordAudit(tx, { ...auditFields(ctx), action: "secret.undeleted", targetType: "secret", targetId: row.id, metadata: { key: row.key } });
    return presentSecret(restored);
  });
}
