// Organizations, the tenant: create (the creator becomes owner), read, rename, change
// slug (the old one redirects for 30 days), soft-delete (purged by a job 30 days later).
import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext, type UserContext } from "../context";
import { getDb } from "../db";
import { Invalid } from "../errors";
import { enqueue } from "../jobs/queue";
import { track } from "../telemetry/server";
import type { createOrgSchema, updateOrgSchema } from "./schemas";
import { assertSlugAvailable, keepRedirect } from "./slugs";
import { assertAuditRetentionAllowed } from "../billing/quota";

export const ORG_PURGE_DELAY_MS = 30 * 24 * 60 * 60 * 1000;

export type OrgSummary = { id: string; name: string; slug: string; role: string; createdAt: Date; auditRetentionDays: number };

export async function createOrg(ctx: UserContext, input: z.output<typeof createOrgSchema>): Promise<OrgSummary> {
  const created = await getDb().$transaction(async (tx) => {
    await assertSlugAvailable(tx, input.slug);
    const org = await tx.organization.create({ data: { name: input.name, slug: input.slug } });
    await tx.membership.create({ data: { orgId: org.id, userId: ctx.actor.userId, role: "owner" } });
    await recordAudit(tx, { ...auditFields(ctx), orgId: org.id, action: "org.created", targetType: "org", targetId: org.id, metadata: { slug: org.slug } });
    return { id: org.id, name: org.name, slug: org.slug, role: "owner" as const, createdAt: org.createdAt, auditRetentionDays: org.auditRetentionDays };
  });
  track("org created", { userId: ctx.actor.userId, orgId: created.id });
  return created;
}

export async function listOrgsOf(userId: string): Promise<OrgSummary[]> {
  const memberships = await getDb().membership.findMany({
    where: { userId, org: { deletedAt: null } },
    orderBy: { org: { name: "asc" } },
    select: { role: true, org: { select: { id: true, name: true, slug: true, createdAt: true, auditRetentionDays: true } } },
  });
  return memberships.map(({ role, org }) => ({ ...org, role }));
}

export async function getOrg(ctx: OrgContext): Promise<OrgSummary> {
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: ctx.org.id } });
  return { id: org.id, name: org.name, slug: org.slug, role: ctx.role, createdAt: org.createdAt, auditRetentionDays: org.auditRetentionDays };
}

export async function updateOrg(ctx: OrgContext, input: z.output<typeof updateOrgSchema>): Promise<OrgSummary> {
  if (input.auditRetentionDays !== undefined) {
    // Only a change is checked against the plan: saving the name of an org whose retention
    // predates its plan (or a downgrade) must not be refused over a value nobody touched.
    const current = await getDb().organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { auditRetentionDays: true } });
    if (input.auditRetentionDays !== current.auditRetentionDays) await assertAuditRetentionAllowed(ctx.org.id, input.auditRetentionDays);
  }
  return getDb().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id } });
    if (input.slug && input.slug !== before.slug) {
      await assertSlugAvailable(tx, input.slug, before.id);
      await keepRedirect(tx, before.id, before.slug, input.slug);
    }
    const org = await tx.organization.update({
      where: { id: before.id },
      data: { name: input.name, slug: input.slug, auditRetentionDays: input.auditRetentionDays },
    });
    const changed = (["name", "slug", "auditRetentionDays"] as const).filter((field) => input[field] !== undefined && input[field] !== before[field]);
    await recordAudit(tx, {
      ...auditFields(ctx),
      action: "org.updated",
      targetType: "org",
      targetId: org.id,
      metadata: Object.fromEntries(changed.map((field) => [field, { from: before[field], to: org[field] }])),
    });
    return { id: org.id, name: org.name, slug: org.slug, role: ctx.role, createdAt: org.createdAt, auditRetentionDays: org.auditRetentionDays };
  });
}

/** Owner only (permission org:delete); the typed confirmation must be the org's slug. */
export async function deleteOrg(ctx: OrgContext, confirmation: string): Promise<{ purgeAfter: Date }> {
  if (confirmation !== ctx.org.slug) throw new Invalid("Type the organization's slug to confirm", [{ path: "confirmation", message: `expected "${ctx.org.slug}"` }]);
  const purgeAfter = new Date(Date.now() + ORG_PURGE_DELAY_MS);
  await getDb().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: ctx.org.id }, data: { deletedAt: new Date() } });
    await tx.orgSlugRedirect.deleteMany({ where: { orgId: ctx.org.id } });
    await recordAudit(tx, { ...auditFields(ctx), action: "org.deleted", targetType: "org", targetId: ctx.org.id, metadata: { purgeAfter: purgeAfter.toISOString() } });
    await enqueue(tx, "orgs.purge", { orgId: ctx.org.id }, { runAt: purgeAfter, uniqueKey: `orgs.purge:${ctx.org.id}` });
  });
  return { purgeAfter };
}
