// Ownership transfer, in two steps: an owner offers ownership to another member, who
// accepts. On acceptance the member becomes owner and the offering owner steps down to
// admin. One offer per org at a time; an offer lasts 7 days.
import "server-only";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { appUrl } from "../env";
import { sendMail } from "../mail/send";
import { Conflict, Forbidden, NotFound } from "../errors";

export const TRANSFER_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export async function offerOwnershipTransfer(ctx: OrgContext, toUserId: string) {
  if (ctx.role !== "owner") throw new Forbidden("Only an owner can transfer ownership");
  if (toUserId === ctx.actor.userId) throw new Conflict("You already own this organization");
  const offered = await getDb().$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: ctx.org.id, userId: toUserId } },
      select: { role: true, user: { select: { email: true } }, org: { select: { name: true, slug: true } } },
    });
    if (!target) throw new NotFound("Member");
    const expiresAt = new Date(Date.now() + TRANSFER_LIFETIME_MS);
    const transfer = await tx.ownershipTransfer.upsert({
      where: { orgId: ctx.org.id },
      create: { orgId: ctx.org.id, fromUserId: ctx.actor.userId, toUserId, expiresAt },
      update: { fromUserId: ctx.actor.userId, toUserId, expiresAt, createdAt: new Date() },
    });
    await recordAudit(tx, { ...auditFields(ctx), action: "ownership.transfer_offered", targetType: "user", targetId: toUserId });
    const offeredBy = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { name: true, email: true } });
    return {
      offer: { toUserId: transfer.toUserId, fromUserId: transfer.fromUserId, expiresAt: transfer.expiresAt },
      mail: ownershipOfferEmail({ to: target.user.email, orgName: target.org.name, orgSlug: target.org.slug, offeredBy: offeredBy.name ?? offeredBy.email, expiresAt }),
    };
  });
  // The new owner has to act: tell them. sendMail logs its own failures; the offer stands either way.
  await sendMail(offered.mail).catch(() => {});
  return offered.offer;
}

/** Tells a member they were offered ownership, and where to accept it. */
export function ownershipOfferEmail(input: { to: string; orgName: string; orgSlug: string; offeredBy: string; expiresAt: Date }) {
  return {
    to: input.to,
    subject: `${input.offeredBy} offered you ownership of ${input.orgName} on Bastion`,
    text: [
      `${input.offeredBy} offered to make you the owner of ${input.orgName} on Bastion. If you accept, you become its owner and ${input.offeredBy} becomes an admin.`,
      "",
      `Review and accept the offer: ${appUrl()}/orgs/${input.orgSlug}#ownership`,
      "",
      `The offer lasts until ${input.expiresAt.toUTCString()}. If you do not want it, ignore this email.`,
    ].join("\n"),
  };
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
