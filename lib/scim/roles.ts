// Groups linked to roles: a provisioned member gets the highest role among the linked
// groups they are in (admin over billing over member), or member when in none. Owners
// are never changed by SCIM, and SCIM never grants owner: ownership stays a human act.
import "server-only";
import { recordAudit, type AuditInput } from "../audit/record";
import type { Role } from "../authz/permissions";
import type { Tx } from "../db";
import { scimAudit, type ScimContext } from "./context";

export const LINKABLE_ROLES = ["admin", "billing", "member"] as const satisfies readonly Role[];
export type LinkableRole = (typeof LINKABLE_ROLES)[number];

const RANK: Record<LinkableRole, number> = { member: 1, billing: 2, admin: 3 };

export function roleFromGroups(linked: (Role | null)[]): LinkableRole {
  let best: LinkableRole = "member";
  for (const role of linked) {
    if (role && role in RANK && RANK[role as LinkableRole] > RANK[best]) best = role as LinkableRole;
  }
  return best;
}

/** The role the SCIM user's groups give them now. */
export async function roleForScimUser(tx: Tx, scimUserId: string): Promise<LinkableRole> {
  const groups = await tx.scimGroupMember.findMany({ where: { scimUserId }, select: { group: { select: { role: true } } } });
  return roleFromGroups(groups.map((entry) => entry.group.role));
}

/** Who changed the roles, for the audit event: the directory (SCIM requests) or an admin (linking a group). */
export type RoleChangeAudit = (userId: string, metadata: { from: string; to: string; source: "scim_groups" }) => AuditInput;

/** Applies group-derived roles to the members behind these SCIM users (active ones with a membership). */
export async function syncRoles(tx: Tx, orgId: string, scimUserIds: string[], audit: RoleChangeAudit): Promise<void> {
  if (scimUserIds.length === 0) return;
  const users = await tx.scimUser.findMany({ where: { orgId, id: { in: scimUserIds }, active: true }, select: { id: true, userId: true } });
  for (const user of users) {
    const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId: user.userId } } });
    if (!membership || membership.role === "owner") continue;
    const role = await roleForScimUser(tx, user.id);
    if (membership.role === role) continue;
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordAudit(tx, audit(user.userId, { from: membership.role, to: role, source: "scim_groups" }));
  }
}

/** Role changes made by a SCIM request. */
export function scimRoleAudit(ctx: ScimContext): RoleChangeAudit {
  return (userId, metadata) => scimAudit(ctx, "member.role_changed", { type: "user", id: userId }, metadata);
}
