// SCIM Users: provisioning members from the org's IdP. A SCIM user is linked to the
// Bastion user with its email (created when none exists; an existing account is linked
// only when its email is on one of the org's verified domains or it is already a
// member, so an IdP cannot claim strangers). While active, the user is a member with the
// role their linked groups give; deactivating (`active: false`) or deleting ends the
// membership, revokes the API keys they created in the org and ends their sessions at
// once, so the next request of their browser is refused.
import "server-only";
import { scimPatch, type ScimPatchOperation } from "scim-patch";
import { recordAudit } from "../audit/record";
import { revokeSessions } from "../auth/sessions";
import { assertSeatForNewMember, queueSeatSync } from "../billing/seats";
import { getDb, type Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { endMembership } from "../members/manage";
import { scimAudit, type ScimContext } from "./context";
import { ScimError } from "./errors";
import { compileFilter } from "./filter";
import { listResponse, userResource, type ListQuery, type ScimUserRow } from "./resources";
import { roleForScimUser } from "./roles";

/** Attributes with a column of their own, or never stored (password: SSO is how they sign in). */
const RESERVED = new Set(["schemas", "id", "meta", "username", "externalid", "active", "password", "groups"]);

type UserInput = { userName: string; externalId: string | null; active: boolean; email: string; displayName: string | null; attributes: Prisma.InputJsonObject };

/** Entra sends `"active": "False"`; Okta a boolean. */
function activeOf(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  throw new ScimError(400, "active must be a boolean", "invalidValue");
}

function field(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The work (else primary, else first) email, or the userName when it is an address. */
function emailOf(body: Record<string, unknown>, userName: string): string {
  const emails = Array.isArray(body.emails) ? (body.emails as { value?: unknown; type?: unknown; primary?: unknown }[]) : [];
  const chosen = emails.find((email) => email?.type === "work") ?? emails.find((email) => email?.primary === true || email?.primary === "True") ?? emails[0];
  const candidate = typeof chosen?.value === "string" ? chosen.value : userName;
  if (!EMAIL.test(candidate) || candidate.length > 320) throw new ScimError(400, "The user needs an email address (emails or an email userName)", "invalidValue");
  return candidate.toLowerCase();
}

function displayNameOf(body: Record<string, unknown>): string | null {
  if (typeof body.displayName === "string" && body.displayName.trim()) return body.displayName.trim().slice(0, 200);
  const name = body.name as { formatted?: unknown; givenName?: unknown; familyName?: unknown } | undefined;
  if (typeof name?.formatted === "string" && name.formatted.trim()) return name.formatted.trim().slice(0, 200);
  const parts = [name?.givenName, name?.familyName].filter((part): part is string => typeof part === "string" && part.trim() !== "");
  return parts.length > 0 ? parts.join(" ").slice(0, 200) : null;
}

export function parseUser(body: unknown): UserInput {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, "A User resource is expected", "invalidSyntax");
  const resource = body as Record<string, unknown>;
  const userName = field(resource, "userName");
  if (typeof userName !== "string" || !userName.trim() || userName.length > 320) throw new ScimError(400, "userName is required", "invalidValue");
  const externalId = field(resource, "externalId");
  if (externalId !== undefined && externalId !== null && typeof externalId !== "string") throw new ScimError(400, "externalId must be a string", "invalidValue");
  const attributes = Object.fromEntries(Object.entries(resource).filter(([key]) => !RESERVED.has(key.toLowerCase()))) as Prisma.InputJsonObject;
  return {
    userName: userName.trim(),
    externalId: (externalId as string | undefined)?.slice(0, 300) || null,
    active: activeOf(field(resource, "active")),
    email: emailOf(resource, userName.trim()),
    displayName: displayNameOf(resource),
    attributes,
  };
}

async function findOrThrow(tx: Tx | ReturnType<typeof getDb>, orgId: string, id: string) {
  const row = await tx.scimUser.findFirst({ where: { id, orgId } });
  if (!row) throw new ScimError(404, "User not found");
  return row;
}

async function assertUserNameFree(tx: Tx, orgId: string, userName: string, exceptId?: string): Promise<void> {
  const taken = await tx.scimUser.findFirst({ where: { orgId, userNameKey: userName.toLowerCase(), ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new ScimError(409, "A user with this userName already exists", "uniqueness");
}

/** The Bastion account for a new SCIM user: created, or an existing one the org may claim. */
async function accountFor(tx: Tx, orgId: string, input: UserInput): Promise<{ id: string }> {
  const domain = input.email.split("@")[1]!;
  const verified = await tx.orgDomain.findFirst({ where: { orgId, domain, verifiedAt: { not: null } }, select: { id: true } });
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId: existing.id } }, select: { id: true } });
    if (!verified && !member) throw new ScimError(409, "An account with this email exists and its domain is not verified by this organization", "uniqueness");
    const linked = await tx.scimUser.findUnique({ where: { orgId_userId: { orgId, userId: existing.id } }, select: { id: true } });
    if (linked) throw new ScimError(409, "This account is already provisioned under another userName", "uniqueness");
    return existing;
  }
  return tx.user.create({ data: { email: input.email, name: input.displayName, emailVerified: verified ? new Date() : null }, select: { id: true } });
}

/** Gives an active SCIM user their membership (role from their groups). */
async function grantMembership(tx: Tx, ctx: ScimContext, scimUserId: string, userId: string): Promise<void> {
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: ctx.orgId, userId } } });
  if (existing) return;
  await assertSeatForNewMember(tx, ctx.orgId);
  const role = await roleForScimUser(tx, scimUserId);
  await tx.membership.create({ data: { orgId: ctx.orgId, userId, role } });
  await queueSeatSync(tx, ctx.orgId, "added");
  await recordAudit(tx, scimAudit(ctx, "member.joined", { type: "user", id: userId }, { role, source: "scim" }));
}

/** Deprovisions: membership (and the API keys hanging on it) ended, every session of the user ended. */
async function revokeAccess(tx: Tx, ctx: ScimContext, userId: string): Promise<void> {
  const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId: ctx.orgId, userId } } });
  if (membership) {
    if (membership.role === "owner") {
      const owners = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Membership" WHERE "orgId" = ${ctx.orgId} AND role = 'owner' FOR UPDATE`;
      if (owners.length <= 1) throw new ScimError(409, "The organization's last owner cannot be deprovisioned", "mutability");
    }
    await endMembership(tx, ctx.orgId, membership.id, userId);
  }
  await revokeSessions(tx, userId);
}

function presentRow(ctx: ScimContext, row: ScimUserRow) {
  return userResource(ctx.slug, row);
}

export async function createScimUser(ctx: ScimContext, body: unknown) {
  const input = parseUser(body);
  return getDb().$transaction(async (tx) => {
    await assertUserNameFree(tx, ctx.orgId, input.userName);
    const account = await accountFor(tx, ctx.orgId, input);
    const row = await tx.scimUser.create({
      data: { orgId: ctx.orgId, userId: account.id, userName: input.userName, userNameKey: input.userName.toLowerCase(), externalId: input.externalId, active: input.active, attributes: input.attributes },
    });
    if (input.active) await grantMembership(tx, ctx, row.id, account.id);
    await recordAudit(tx, scimAudit(ctx, "scim.user_created", { type: "user", id: account.id }, { scimUserId: row.id, userName: row.userName, active: row.active }));
    return presentRow(ctx, row);
  });
}

export async function getScimUser(ctx: ScimContext, id: string) {
  return presentRow(ctx, await findOrThrow(getDb(), ctx.orgId, id));
}

export async function listScimUsers(ctx: ScimContext, query: ListQuery) {
  const compiled = compileFilter(query.filter, "User");
  const where = { orgId: ctx.orgId, ...compiled.where };
  if (!compiled.test) {
    const [total, rows] = await Promise.all([
      getDb().scimUser.count({ where }),
      getDb().scimUser.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: query.startIndex - 1, take: query.count }),
    ]);
    return listResponse(rows.map((row) => presentRow(ctx, row)), total, query.startIndex);
  }
  // Filters the database cannot answer are evaluated by scim2-parse-filter on the resources.
  const all = (await getDb().scimUser.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((row) => presentRow(ctx, row)).filter(compiled.test);
  return listResponse(all.slice(query.startIndex - 1, query.startIndex - 1 + query.count), all.length, query.startIndex);
}

/** PUT: the resource as sent replaces the stored one (userName, externalId, active, attributes). */
export async function replaceScimUser(ctx: ScimContext, id: string, body: unknown) {
  const input = parseUser(body);
  return getDb().$transaction(async (tx) => {
    const current = await findOrThrow(tx, ctx.orgId, id);
    return presentRow(ctx, await applyUser(tx, ctx, current, input));
  });
}

/** PATCH: operations applied by scim-patch to the current resource, then stored as a PUT would. */
export async function patchScimUser(ctx: ScimContext, id: string, operations: ScimPatchOperation[]) {
  return getDb().$transaction(async (tx) => {
    const current = await findOrThrow(tx, ctx.orgId, id);
    const patched = applyPatch(presentRow(ctx, current), operations);
    return presentRow(ctx, await applyUser(tx, ctx, current, parseUser(patched)));
  });
}

/** Operation names lower-cased (Entra: "Replace", "Add"), then handed to scim-patch. */
export function applyPatch<T extends object>(resource: T, operations: ScimPatchOperation[]): T {
  const normalized = operations.map((operation) => ({ ...operation, op: String(operation.op).toLowerCase() })) as ScimPatchOperation[];
  try {
    return scimPatch({ ...resource, meta: { created: new Date(), lastModified: new Date() } } as never, normalized) as T;
  } catch (error) {
    const scimType = (error as { scimCode?: string }).scimCode;
    throw new ScimError(400, error instanceof Error ? error.message : "Invalid patch", (scimType as never) ?? "invalidValue");
  }
}

async function applyUser(tx: Tx, ctx: ScimContext, current: Awaited<ReturnType<typeof findOrThrow>>, input: UserInput) {
  if (input.userName.toLowerCase() !== current.userNameKey) await assertUserNameFree(tx, ctx.orgId, input.userName, current.id);
  const row = await tx.scimUser.update({
    where: { id: current.id },
    data: { userName: input.userName, userNameKey: input.userName.toLowerCase(), externalId: input.externalId, active: input.active, attributes: input.attributes },
  });
  if (current.active && !input.active) {
    await revokeAccess(tx, ctx, current.userId);
    await recordAudit(tx, scimAudit(ctx, "scim.user_deactivated", { type: "user", id: current.userId }, { scimUserId: current.id }));
  } else if (!current.active && input.active) {
    await grantMembership(tx, ctx, current.id, current.userId);
    await recordAudit(tx, scimAudit(ctx, "scim.user_reactivated", { type: "user", id: current.userId }, { scimUserId: current.id }));
  } else {
    await recordAudit(tx, scimAudit(ctx, "scim.user_updated", { type: "user", id: current.userId }, { scimUserId: current.id, userName: row.userName }));
  }
  return row;
}

/** DELETE: the SCIM user is gone and so is the membership; the Bastion account stays (it may belong to other orgs). */
export async function deleteScimUser(ctx: ScimContext, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const current = await findOrThrow(tx, ctx.orgId, id);
    await revokeAccess(tx, ctx, current.userId);
    await tx.scimUser.delete({ where: { id: current.id } });
    await recordAudit(tx, scimAudit(ctx, "scim.user_deleted", { type: "user", id: current.userId }, { scimUserId: current.id, userName: current.userName }));
  });
}
