// Inviting people: by email (one pending invitation per address per org) or by a
// shareable link limited to allowed email domains. Tokens are random, stored hashed,
// and valid for 7 days. Only owners may invite owners (same rule as role changes).
import "server-only";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { hashToken, randomToken } from "../auth/tokens";
import { auditFields, type OrgContext } from "../context";
import { getDb, type Tx } from "../db";
import { Conflict, Forbidden } from "../errors";
import { sendMail } from "../mail/send";
import { invitationEmail, invitationLink } from "./emails";
import { track } from "../telemetry/server";
import { assertSeatsForInvitation } from "../billing/seats";
import type { createInvitationBody } from "./schemas";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type CreatedInvitation = { id: string; kind: "email" | "link"; email: string | null; role: string; expiresAt: Date; link?: string };

/** Serializes invitations to one address in one org, so "one pending per email" holds under races. */
async function lockEmail(tx: Tx, orgId: string, email: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invitation:${orgId}:${email}`}))`;
}

export async function createInvitation(ctx: OrgContext, input: z.output<typeof createInvitationBody>): Promise<CreatedInvitation> {
  if (input.role === "owner" && ctx.role !== "owner") throw new Forbidden("Only an owner can invite an owner");
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);

  const { invitation, orgName, inviterName } = await getDb().$transaction(async (tx) => {
    if (input.kind === "email") {
      await lockEmail(tx, ctx.org.id, input.email);
      const member = await tx.membership.findFirst({ where: { orgId: ctx.org.id, user: { email: input.email } }, select: { id: true } });
      if (member) throw new Conflict("This person is already a member");
      const pending = await tx.invitation.findFirst({
        where: { orgId: ctx.org.id, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        select: { id: true },
      });
      if (pending) throw new Conflict("This address already has a pending invitation; resend it instead", { invitationId: pending.id });
    }
    if (input.kind === "email") await assertSeatsForInvitation(tx, ctx.org.id);
    const invitation = await tx.invitation.create({
      data: {
        orgId: ctx.org.id,
        kind: input.kind,
        email: input.kind === "email" ? input.email : null,
        allowedDomains: input.kind === "link" ? [...new Set(input.allowedDomains)] : [],
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: ctx.actor.userId,
        expiresAt,
      },
    });
    await recordAudit(tx, {
      ...auditFields(ctx),
      action: "invitation.created",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { kind: invitation.kind, role: invitation.role, ...(invitation.email ? { email: invitation.email } : { allowedDomains: invitation.allowedDomains }) },
    });
    const [org, inviter] = await Promise.all([
      tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { name: true } }),
      tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { name: true, email: true } }),
    ]);
    return { invitation, orgName: org.name, inviterName: inviter.name ?? inviter.email };
  });

  if (invitation.kind === "email" && invitation.email) {
    await sendMail(invitationEmail({ to: invitation.email, orgName, inviterName, role: invitation.role, token, expiresAt }));
  }
  track("member invited", { userId: ctx.actor.userId, orgId: ctx.org.id, invitationId: invitation.id });
  return {
    id: invitation.id,
    kind: invitation.kind,
    email: invitation.email,
    role: invitation.role,
    expiresAt,
    // A link invitation's URL is shown once, to its creator; it is not stored.
    ...(invitation.kind === "link" ? { link: invitationLink(token) } : {}),
  };
}
