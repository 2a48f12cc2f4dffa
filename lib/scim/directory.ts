// The console's side of SCIM: the org's directory (endpoint, token prefix, last sync),
// creating or rotating its token (shown once; the previous one stops working at once),
// disconnecting, the recent provisioning events, and linking pushed groups to roles.
import "server-only";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { NotFound } from "../errors";
import { scimBaseUrl } from "./resources";
import { syncRoles, type LinkableRole } from "./roles";
import { generateScimToken } from "./token";

const EVENT_LIMIT = 20;

export async function scimOverview(orgId: string, slug: string) {
  const db = getDb();
  const [directory, groups, users, events] = await Promise.all([
    db.scimDirectory.findUnique({ where: { orgId }, select: { tokenPrefix: true, tokenIssuedAt: true, lastSyncAt: true, createdAt: true } }),
    db.scimGroup.findMany({ where: { orgId }, select: { id: true, displayName: true, role: true, _count: { select: { members: true } } }, orderBy: { displayName: "asc" } }),
    db.scimUser.groupBy({ by: ["active"], where: { orgId }, _count: { _all: true } }),
    db.auditEvent.findMany({
      where: { orgId, OR: [{ action: { startsWith: "scim." } }, { actorType: "scim" }] },
      select: { id: true, action: true, targetType: true, targetId: true, metadata: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: EVENT_LIMIT,
    }),
  ]);
  return {
    endpoint: scimBaseUrl(slug),
    directory,
    users: { active: users.find((row) => row.active)?._count._all ?? 0, inactive: users.find((row) => !row.active)?._count._all ?? 0 },
    groups: groups.map((group) => ({ id: group.id, displayName: group.displayName, role: group.role, members: group._count.members })),
    events,
  };
}

/** Creates the directory or replaces its token; the token is in this answer only. */
export async function issueScimToken(ctx: OrgContext): Promise<{ token: string; tokenPrefix: string; endpoint: string }> {
  const { token, prefix, tokenHash } = generateScimToken();
  await getDb().$transaction(async (tx) => {
    const existing = await tx.scimDirectory.findUnique({ where: { orgId: ctx.org.id }, select: { id: true } });
    const directory = await tx.scimDirectory.upsert({
      where: { orgId: ctx.org.id },
      create: { orgId: ctx.org.id, tokenHash, tokenPrefix: prefix, createdById: ctx.actor.userId },
      update: { tokenHash, tokenPrefix: prefix, tokenIssuedAt: new Date() },
    });
    await recordAudit(tx, { ...auditFields(ctx), action: existing ? "scim.token_rotated" : "scim.token_created", targetType: "scim_directory", targetId: directory.id, metadata: { tokenPrefix: prefix } });
  });
  return { token, tokenPrefix: prefix, endpoint: scimBaseUrl(ctx.org.slug) };
}

/** Disconnects the IdP: the token stops working; provisioned members and groups stay. */
export async function deleteScimDirectory(ctx: OrgContext): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const directory = await tx.scimDirectory.findUnique({ where: { orgId: ctx.org.id } });
    if (!directory) throw new NotFound("SCIM directory");
    await tx.scimDirectory.delete({ where: { id: directory.id } });
    await recordAudit(tx, { ...auditFields(ctx), action: "scim.token_revoked", targetType: "scim_directory", targetId: directory.id, metadata: { tokenPrefix: directory.tokenPrefix } });
  });
}

/** Links a pushed group to a role (or unlinks it with null) and applies the change to its members now. */
export async function linkGroupRole(ctx: OrgContext, groupId: string, role: LinkableRole | null) {
  return getDb().$transaction(async (tx) => {
    const group = await tx.scimGroup.findFirst({ where: { id: groupId, orgId: ctx.org.id }, include: { members: { select: { scimUserId: true } } } });
    if (!group) throw new NotFound("Group");
    if (group.role === role) return { id: group.id, role };
    await tx.scimGroup.update({ where: { id: group.id }, data: { role } });
    await recordAudit(tx, { ...auditFields(ctx), action: "scim.group_linked", targetType: "scim_group", targetId: group.id, metadata: { displayName: group.displayName, from: group.role, to: role } });
    await syncRoles(
      tx,
      ctx.org.id,
      group.members.map((member) => member.scimUserId),
      (userId, metadata) => ({ ...auditFields(ctx), action: "member.role_changed", targetType: "user", targetId: userId, metadata }),
    );
    return { id: group.id, role };
  });
}
