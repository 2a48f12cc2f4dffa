// Ownership transfer, in two steps: an owner offers ownership to another member, who
// accepts. On acceptance the member becomes owner and the offering owner steps down to
// admin. One offer per org at a time; an offer lasts 7 days.
import "server-only";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { Conflict, Forbidden, NotFound } from "../errors";

export const TRANSFER_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export async function offerOwnershipTransfer(ctx: OrgContext, toUserId: string) {
  if (ctx.role !== "owner") throw new Forbidden("Only an owner can transfer ownership");
  if (toUserId === ctx.actor.userId) throw new Conflict("You already own this organization");
  return getDb().$transaction(async (tx) => {
    const target = await tx.membership.findUnique({ where: { orgId_userId: { orgId: ctx.org.id, userId: toUserId } }, select: { role: true } });
    if (!target) throw new NotFound("Member");
    const expiresAt = new Date(Date.now() + TRANSFER_LIFETIME_MS);
    const transfer = await tx.ownershipTransfer.upsert({
      where: { orgId: ctx.org.id },
      create: { orgId: ctx.org.id, fromUserId: ctx.actor.userId, toUserId, expiresAt },
      update: { fromUserId: ctx.actor.userId, toUserId, expiresAt, createdAt: new Date() },
    });
    await recordAudit(tx, { ...auditFields(ctx), action: "ownership.transfer_offered", targetType: "user", targetId: toUserId });
    return { toUserId: transfer.toUserId, fromUserId: transfer.fromUserId, expiresAt: transfer.expiresAt };
  });
}

export async function pendingOwnershipTransfer(orgId: string) {
  return getDb().ownershipTransfer.findFirst({
    where: { orgId, expiresAt: { gt: new Date() } },
    select: { fromUserId: true, toUserId: true, expiresAt: true },
  });
}

export async function acceptOwnershipTransfer(ctx: OrgContext): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Membership" WHERE "orgId" = ${ctx.org.id} AND role = 'owner' FOR UPDATE`;
    const transfer = await tx.ownershipTransfer.findFirst({ where: { orgId: ctx.org.id, toUserId: ctx.actor.userId, expiresAt: { gt: new Date() } } });
    if (!transfer) throw new NotFound("Ownership offer");
    await tx.membership.update({ where: { orgId_userId: { orgId: ctx.org.id, userId: ctx.actor.userId } }, data: { role: "owner" } });
    await tx.membership.updateMany({ where: { orgId: ctx.org.id, userId: transfer.fromUserId, role: "owner" }, data: { role: "admin" } });
    await tx.ownershipTransfer.delete({ where: { id: transfer.id } });
    await recordAudit(tx, { ...auditFields(ctx), action: "ownership.transferred", targetType: "user", targetId: ctx.actor.userId, metadata: { from: transfer.fromUserId } });
  });
}

export async function cancelOwnershipTransfer(ctx: OrgContext): Promise<void> {
  if (ctx.role !== "owner") throw new Forbidden("Only an owner can cancel an ownership transfer");
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.ownershipTransfer.deleteMany({ where: { orgId: ctx.org.id } });
    if (count === 0) throw new NotFound("Ownership offer");
    await recordAudit(tx, { ...auditFields(ctx), action: "ownership.transfer_cancelled", targetType: "org", targetId: ctx.org.id });
  });
}
