// Accepting an invitation: the signed-in user must be the invited address (email
// invitations) or have a verified address on an allowed domain (links). Expired,
// revoked and already-used invitations each get their own clear answer.
import "server-only";
import { recordAudit } from "../audit/record";
import { emailDomain } from "../auth/sso-policy";
import { hashToken } from "../auth/tokens";
import { auditFields, type UserContext } from "../context";
import { getDb } from "../db";
import { AppError, Conflict, Forbidden, NotFound } from "../errors";
import { recordMemberJoined } from "../integrations/events/bastion";
import { assertSeatForNewMember, queueSeatSync } from "../billing/seats";

export type InvitationStatus = "valid" | "expired" | "revoked" | "used";

type InvitationRow = { kind: "email" | "link"; acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

function statusOf(invitation: InvitationRow): InvitationStatus {
  if (invitation.revokedAt) return "revoked";
  if (invitation.kind === "email" && invitation.acceptedAt) return "used";
  if (invitation.expiresAt <= new Date()) return "expired";
  return "valid";
}

const REFUSALS: Record<Exclude<InvitationStatus, "valid">, string> = {
  expired: "This invitation has expired. Ask the organization for a new one.",
  revoked: "This invitation was revoked.",
  used: "This invitation has already been used.",
};

export const WRONG_ADDRESS = "This invitation is for another email address. Sign in with the address it was sent to.";

/** What the invitation page shows to whoever holds the link (never the invited address: links get forwarded). */
export async function describeInvitation(token: string) {
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { kind: true, allowedDomains: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, org: { select: { name: true, slug: true, deletedAt: true } } },
  });
  if (!invitation || invitation.org.deletedAt) throw new NotFound("Invitation");
  const status = statusOf(invitation);
  return {
    status,
    message: status === "valid" ? null : REFUSALS[status],
    orgName: invitation.org.name,
    role: invitation.role,
    kind: invitation.kind,
    allowedDomains: invitation.allowedDomains,
  };
}

export async function acceptInvitation(ctx: UserContext, token: string): Promise<{ orgSlug: string }> {
  return getDb().$transaction(async (tx) => {
    const found = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true } });
    if (!found) throw new NotFound("Invitation");
    // Locked, so two clicks on the same link cannot both join.
    await tx.$queryRaw`SELECT id FROM "Invitation" WHERE id = ${found.id} FOR UPDATE`;
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: found.id }, include: { org: { select: { slug: true, deletedAt: true } } } });
    if (invitation.org.deletedAt) throw new NotFound("Invitation");

    const user = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { email: true, emailVerified: true } });
    const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invitation.orgId, userId: ctx.actor.userId } } });
    if (existing) throw new Conflict("You are already a member of this organization", { orgSlug: invitation.org.slug });

    const status = statusOf(invitation);
    if (status !== "valid") throw new AppError("gone", REFUSALS[status]);
    if (!user.emailVerified) throw new Forbidden("Verify your email address before accepting an invitation");
    if (invitation.kind === "email" && invitation.email !== user.email) {
      // The token may have been forwarded: never name the invited address to its holder.
      throw new Forbidden(WRONG_ADDRESS);
    }
    if (invitation.kind === "link" && !invitation.allowedDomains.includes(emailDomain(user.email))) {
      throw new Forbidden(`This invitation link is for addresses at ${invitation.allowedDomains.join(", ")}.`);
    }

    await assertSeatForNewMember(tx, invitation.orgId);
    await tx.membership.create({ data: { orgId: invitation.orgId, userId: ctx.actor.userId, role: invitation.role } });
    await queueSeatSync(tx, invitation.orgId, "added");
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedCount: { increment: 1 } } });
    await recordAudit(tx, {
      ...auditFields(ctx),
      orgId: invitation.orgId,
      action: "member.joined",
      targetType: "user",
      targetId: ctx.actor.userId,
      metadata: { invitationId: invitation.id, role: invitation.role },
    });
    await recordMemberJoined(tx, { orgId: invitation.orgId, orgSlug: invitation.org.slug, userId: ctx.actor.userId, role: invitation.role });
    return { orgSlug: invitation.org.slug };
  });
}
