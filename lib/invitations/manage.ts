// Pending invitations: list, resend (a fresh token and 7 more days), revoke.
import "server-only";
import { assertSeatsForInvitation, assertSeatsWithinForInvitation } from "../billing/seats";
import { recordAudit } from "../audit/record";
import { hashToken, randomToken } from "../auth/tokens";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { Conflict, NotFound } from "../errors";
import { sendMail } from "../mail/send";
import { INVITATION_LIFETIME_MS } from "./create";
import { invitationEmail, invitationLink } from "./emails";

export async function listPendingInvitations(orgId: string) {
  return getDb().invitation.findMany({
    where: { orgId, revokedAt: null, expiresAt: { gt: new Date() }, OR: [{ kind: "link" }, { acceptedAt: null }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, email: true, allowedDomains: true, role: true, expiresAt: true, createdAt: true, acceptedCount: true, invitedBy: { select: { name: true, email: true } } },
  });
}

async function pendingOrThrow(orgId: string, invitationId: string) {
  const invitation = await getDb().invitation.findFirst({ where: { id: invitationId, orgId, revokedAt: null } });
  if (!invitation) throw new NotFound("Invitation");
  if (invitation.kind === "email" && invitation.acceptedAt) throw new Conflict("This invitation was already accepted");
  return invitation;
}

/** Rotates the token (the old link stops working) and extends the expiry. */
export async function resendInvitation(ctx: OrgContext, invitationId: string): Promise<{ expiresAt: Date; link?: string }> {
  const invitation = await pendingOrThrow(ctx.org.id, invitationId);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  const { orgName, inviterName } = await getDb().$transaction(async (tx) => {
    // An expired email invitation resent takes a seat again; a pending one may not be resent above the seats (a downgrade).
    if (invitation.kind === "email") await (invitation.expiresAt <= new Date() ? assertSeatsForInvitation : assertSeatsWithinForInvitation)(tx, ctx.org.id);
    await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash: hashToken(token), expiresAt } });
    await recordAudit(tx, { ...auditFields(ctx), action: "invitation.resent", targetType: "invitation", targetId: invitation.id });
    const [org, inviter] = await Promise.all([
      tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { name: true } }),
      tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { name: true, email: true } }),
    ]);
    return { orgName: org.name, inviterName: inviter.name ?? inviter.email };
  });
  if (invitation.kind === "email" && invitation.email) {
    await sendMail(invitationEmail({ to: invitation.email, orgName, inviterName, role: invitation.role, token, expiresAt }));
    return { expiresAt };
  }
  return { expiresAt, link: invitationLink(token) };
}

export async function revokeInvitation(ctx: OrgContext, invitationId: string): Promise<void> {
  const invitation = await pendingOrThrow(ctx.org.id, invitationId);
  await getDb().$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { ...auditFields(ctx), action: "invitation.revoked", targetType: "invitation", targetId: invitation.id });
  });
}
