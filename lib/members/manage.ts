// Changing roles, removing members and leaving. Each runs in a transaction that locks
// the org's owner rows first, so two concurrent demotions cannot both pass the
// last-owner check. Removal takes effect on the member's next request (membership is
// checked on every request) and revokes the API keys they created: a key must not
// outlive its creator's access.
import "server-only";
import { recordAudit } from "../audit/record";
import type { Role } from "../authz/permissions";
import { auditFields, type OrgContext } from "../context";
import { getDb, type Tx } from "../db";
import { NotFound } from "../errors";
import { assertCanChangeRole, assertCanLeave, assertCanRemove } from "./rules";
import { queueSeatSync } from "../billing/seats";

async function lockedOwnerCount(tx: Tx, orgId: string): Promise<number> {
  const owners = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Membership" WHERE "orgId" = ${orgId} AND role = 'owner' FOR UPDATE`;
  return owners.length;
}

async function membershipOrThrow(tx: Tx, orgId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({ where: { id: membershipId, orgId }, select: { id: true, userId: true, role: true } });
  if (!membership) throw new NotFound("Member");
  return membership;
}

export async function changeRole(ctx: OrgContext, membershipId: string, role: Role): Promise<{ membershipId: string; role: Role }> {
  return getDb().$transaction(async (tx) => {
    const ownerCount = await lockedOwnerCount(tx, ctx.org.id);
    const target = await membershipOrThrow(tx, ctx.org.id, membershipId);
    assertCanChangeRole({ userId: ctx.actor.userId, role: ctx.role }, target, role, ownerCount);
    if (target.role === role) return { membershipId, role };
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordAudit(tx, { ...auditFields(ctx), action: "member.role_changed", targetType: "user", targetId: target.userId, metadata: { from: target.role, to: role } });
    return { membershipId, role };
  });
}

export async function removeMember(ctx: OrgContext, membershipId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const ownerCount = await lockedOwnerCount(tx, ctx.org.id);
    const target = await membershipOrThrow(tx, ctx.org.id, membershipId);
    assertCanRemove({ userId: ctx.actor.userId, role: ctx.role }, target, ownerCount);
    await endMembership(tx, ctx.org.id, target.id, target.userId);
    await recordAudit(tx, { ...auditFields(ctx), action: "member.removed", targetType: "user", targetId: target.userId, metadata: { role: target.role } });
  });
}

export async function leaveOrg(ctx: OrgContext): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const ownerCount = await lockedOwnerCount(tx, ctx.org.id);
    const own = await tx.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: ctx.org.id, userId: ctx.actor.userId } } });
    assertCanLeave({ userId: own.userId, role: own.role }, ownerCount);
    await endMembership(tx, ctx.org.id, own.id, own.userId);
    await recordAudit(tx, { ...auditFields(ctx), action: "member.left", targetType: "user", targetId: own.userId });
  });
}

/** Ends a membership and what hangs on it (API keys, pending ownership transfers); also used by SCIM deprovisioning. */
export async function endMembership(tx: Tx, orgId: string, membershipId: string, userId: string): Promise<void> {
  await tx.membership.delete({ where: { id: membershipId } });
  await queueSeatSync(tx, orgId, "removed");
  await tx.apiKey.updateMany({ where: { orgId, createdById: userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await tx.ownershipTransfer.deleteMany({ where: { orgId, OR: [{ toUserId: userId }, { fromUserId: userId }] } });
}
