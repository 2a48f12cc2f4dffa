// Deleting one's own account. Refused while the user is the only owner of an
// organization (it would be left with nobody able to manage it); otherwise the user,
// their sessions, memberships, tokens and identities go, and an audit event remains.
import "server-only";
import { getDb, type Db, type Tx } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import { recordAudit } from "../audit/record";
import { revokeSessions } from "../auth/sessions";
import { auditFields, type AccountActor } from "./actor";
import { assertCurrentPassword } from "./current-password";
import { DELETE_CONFIRMATION } from "./types";

export type SoleOwnedOrg = { slug: string; name: string };

/** Live organizations where this user holds the only owner membership. */
export async function soleOwnedOrgs(db: Db | Tx, userId: string): Promise<SoleOwnedOrg[]> {
  const owned = await db.membership.findMany({
    where: { userId, role: "owner", org: { deletedAt: null } },
    select: { org: { select: { id: true, slug: true, name: true } } },
  });
  const sole: SoleOwnedOrg[] = [];
  for (const { org } of owned) {
    const otherOwners = await db.membership.count({ where: { orgId: org.id, role: "owner", userId: { not: userId } } });
    if (otherOwners === 0) sole.push({ slug: org.slug, name: org.name });
  }
  return sole;
}

export async function deleteAccount(actor: AccountActor, input: { confirmation: string; password?: string }): Promise<void> {
  if (input.confirmation.trim().toLowerCase() !== DELETE_CONFIRMATION) {
    throw new Invalid(`Type "${DELETE_CONFIRMATION}" to confirm`, [{ path: "confirmation", message: `Type "${DELETE_CONFIRMATION}" to confirm`, in: "body" }]);
  }
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new NotFound("Account");
  if (user.passwordHash) await assertCurrentPassword(actor.userId, user.passwordHash, input.password, "password");

  await db.$transaction(async (tx) => {
    // Checked inside the transaction so a concurrent ownership change cannot slip past it.
    const sole = await soleOwnedOrgs(tx, actor.userId);
    if (sole.length > 0) {
      const names = sole.map((org) => org.name).join(", ");
      throw new Conflict(
        `You are the only owner of ${names}. Make someone else an owner or delete ${sole.length === 1 ? "that organization" : "those organizations"} first.`,
        { organizations: sole },
      );
    }
    await revokeSessions(tx, actor.userId);
    // Each organization's own audit log shows the member leaving.
    const memberships = await tx.membership.findMany({ where: { userId: actor.userId }, select: { orgId: true, role: true } });
    for (const membership of memberships) {
      await recordAudit(tx, { ...auditFields(actor), action: "member.left", orgId: membership.orgId, targetType: "user", targetId: actor.userId, metadata: { role: membership.role, reason: "account_deleted" } });
    }
    await tx.membership.deleteMany({ where: { userId: actor.userId } });
    // Cascades to accounts (SSO identities) and auth tokens; API keys keep working for their org, creator unset.
    await tx.user.delete({ where: { id: actor.userId } });
    await recordAudit(tx, {
      ...auditFields(actor),
      action: "account.deleted",
      orgId: null,
      targetType: "user",
      targetId: actor.userId,
      metadata: { email: user.email },
    });
  });
}
