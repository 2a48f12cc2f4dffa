// SCIM Groups (Okta "Push Groups", Entra group provisioning). Members are SCIM users of
// the same org; ids the org does not know are ignored. When a group is linked to a role,
// every change of its membership (or its deletion) recomputes its members' roles.
import "server-only";
import type { ScimPatchOperation } from "scim-patch";
import { recordAudit } from "../audit/record";
import { getDb, type Tx } from "../db";
import { scimAudit, type ScimContext } from "./context";
import { ScimError } from "./errors";
import { compileFilter } from "./filter";
import { groupResource, listResponse, type ListQuery } from "./resources";
import { scimRoleAudit, syncRoles } from "./roles";
import { applyPatch } from "./users";

type GroupInput = { displayName: string; externalId: string | null; memberIds: string[] | null };

export function parseGroup(body: unknown): GroupInput {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, "A Group resource is expected", "invalidSyntax");
  const resource = body as { displayName?: unknown; externalId?: unknown; members?: unknown };
  if (typeof resource.displayName !== "string" || !resource.displayName.trim() || resource.displayName.length > 300) throw new ScimError(400, "displayName is required", "invalidValue");
  if (resource.members !== undefined && !Array.isArray(resource.members)) throw new ScimError(400, "members must be a list", "invalidValue");
  const memberIds = Array.isArray(resource.members)
    ? [...new Set((resource.members as { value?: unknown }[]).map((member) => member?.value).filter((value): value is string => typeof value === "string"))]
    : null;
  return { displayName: resource.displayName.trim(), externalId: typeof resource.externalId === "string" ? resource.externalId.slice(0, 300) : null, memberIds };
}

const WITH_MEMBERS = { members: { select: { user: { select: { id: true, userName: true } } } } } as const;

async function loadOrThrow(tx: Tx | ReturnType<typeof getDb>, orgId: string, id: string) {
  const row = await tx.scimGroup.findFirst({ where: { id, orgId }, include: WITH_MEMBERS });
  if (!row) throw new ScimError(404, "Group not found");
  return { ...row, members: row.members.map((member) => member.user) };
}

async function assertNameFree(tx: Tx, orgId: string, displayName: string, exceptId?: string): Promise<void> {
  const taken = await tx.scimGroup.findFirst({ where: { orgId, displayName, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new ScimError(409, "A group with this displayName already exists", "uniqueness");
}

/** Sets the group's members to exactly these (known) SCIM users; returns whose membership changed. */
async function setMembers(tx: Tx, orgId: string, groupId: string, wanted: string[]): Promise<string[]> {
  const known = await tx.scimUser.findMany({ where: { orgId, id: { in: wanted } }, select: { id: true } });
  const target = new Set(known.map((user) => user.id));
  const current = new Set((await tx.scimGroupMember.findMany({ where: { groupId }, select: { scimUserId: true } })).map((member) => member.scimUserId));
  const added = [...target].filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !target.has(id));
  if (removed.length > 0) await tx.scimGroupMember.deleteMany({ where: { groupId, scimUserId: { in: removed } } });
  if (added.length > 0) await tx.scimGroupMember.createMany({ data: added.map((scimUserId) => ({ groupId, scimUserId })), skipDuplicates: true });
  return [...added, ...removed];
}

export async function createScimGroup(ctx: ScimContext, body: unknown) {
  const input = parseGroup(body);
  return getDb().$transaction(async (tx) => {
    await assertNameFree(tx, ctx.orgId, input.displayName);
    const row = await tx.scimGroup.create({ data: { orgId: ctx.orgId, displayName: input.displayName, externalId: input.externalId } });
    if (input.memberIds) await setMembers(tx, ctx.orgId, row.id, input.memberIds);
    await recordAudit(tx, scimAudit(ctx, "scim.group_created", { type: "scim_group", id: row.id }, { displayName: row.displayName }));
    return groupResource(ctx.slug, await loadOrThrow(tx, ctx.orgId, row.id));
  });
}

export async function getScimGroup(ctx: ScimContext, id: string, options = { members: true }) {
  return groupResource(ctx.slug, await loadOrThrow(getDb(), ctx.orgId, id), options);
}

export async function listScimGroups(ctx: ScimContext, query: ListQuery) {
  const members = !/\bmembers\b/i.test(query.excludedAttributes ?? "");
  const compiled = compileFilter(query.filter, "Group");
  const where = { orgId: ctx.orgId, ...compiled.where };
  const rows = await getDb().scimGroup.findMany({ where, include: WITH_MEMBERS, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const resources = rows.map((row) => groupResource(ctx.slug, { ...row, members: row.members.map((member) => member.user) }, { members: true })).filter(compiled.test ?? (() => true));
  const page = resources.slice(query.startIndex - 1, query.startIndex - 1 + query.count).map((resource) => (members ? resource : { ...resource, members: undefined }));
  return listResponse(page, resources.length, query.startIndex);
}

async function applyGroup(tx: Tx, ctx: ScimContext, current: Awaited<ReturnType<typeof loadOrThrow>>, input: GroupInput) {
  if (input.displayName !== current.displayName) await assertNameFree(tx, ctx.orgId, input.displayName, current.id);
  await tx.scimGroup.update({ where: { id: current.id }, data: { displayName: input.displayName, externalId: input.externalId } });
  const changed = input.memberIds ? await setMembers(tx, ctx.orgId, current.id, input.memberIds) : [];
  if (current.role) await syncRoles(tx, ctx.orgId, changed, scimRoleAudit(ctx));
  await recordAudit(
    tx,
    scimAudit(ctx, "scim.group_updated", { type: "scim_group", id: current.id }, { displayName: input.displayName, ...(input.displayName !== current.displayName ? { renamedFrom: current.displayName } : {}), membersChanged: changed.length }),
  );
  return groupResource(ctx.slug, await loadOrThrow(tx, ctx.orgId, current.id));
}

export async function replaceScimGroup(ctx: ScimContext, id: string, body: unknown) {
  const input = parseGroup(body);
  return getDb().$transaction(async (tx) => applyGroup(tx, ctx, await loadOrThrow(tx, ctx.orgId, id), input));
}

/** PATCH: members add/remove (by path or filter), displayName replace, in Okta's and Entra's spellings. */
export async function patchScimGroup(ctx: ScimContext, id: string, operations: ScimPatchOperation[]) {
  return getDb().$transaction(async (tx) => {
    const current = await loadOrThrow(tx, ctx.orgId, id);
    const resource = groupResource(ctx.slug, current);
    const members = resource.members!.map((member) => ({ value: member.value }));
    const patched = applyPatch({ ...resource, members }, operations.flatMap((operation) => removalsByValue(operation, members)));
    return applyGroup(tx, ctx, current, parseGroup({ ...patched, members: patched.members ?? [] }));
  });
}

/**
 * Entra removes members with `{ op: "Remove", path: "members", value: [{ value, $ref: null }] }`;
 * scim-patch matches such values as whole objects, so each becomes a `members[value eq "…"]`
 * removal (members not in the group are skipped, as removing them changes nothing).
 */
function removalsByValue(operation: ScimPatchOperation, members: { value: string }[]): ScimPatchOperation[] {
  if (String(operation.op).toLowerCase() !== "remove" || operation.path?.toLowerCase() !== "members" || !Array.isArray(operation.value)) return [operation];
  const present = new Set(members.map((member) => member.value));
  return (operation.value as { value?: unknown }[])
    .map((item) => item?.value)
    .filter((value): value is string => typeof value === "string" && present.has(value))
    .map((value) => ({ op: "remove", path: `members[value eq ${JSON.stringify(value)}]` }));
}

export async function deleteScimGroup(ctx: ScimContext, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const current = await loadOrThrow(tx, ctx.orgId, id);
    await tx.scimGroup.delete({ where: { id: current.id } });
    if (current.role) await syncRoles(tx, ctx.orgId, current.members.map((member) => member.id), scimRoleAudit(ctx));
    await recordAudit(tx, scimAudit(ctx, "scim.group_deleted", { type: "scim_group", id: current.id }, { displayName: current.displayName }));
  });
}
