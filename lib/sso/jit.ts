// Just-in-time membership for sign-ins through an org's own IdP (OIDC or SAML): the
// first sign-in creates the membership with the admin's default role; a mapping from IdP
// groups to roles (first match wins) applies at every sign-in. Owners are never changed
// by a mapping (ownership moves only by transfer), and no mapping grants owner.
// No "server-only" marker: tests and scripts load it in plain Node.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { queueSeatSync, assertSeatForNewMember } from "../billing/seats";
import { getDb, type Tx } from "../db";
import { QuotaExceeded } from "../errors";
import { logger } from "../logger";
import { text } from "../validation/text";

export const JIT_ROLES = ["admin", "member", "billing"] as const;
export type JitRole = (typeof JIT_ROLES)[number];

export const roleMapping = z.object({ group: text().trim().min(1).max(255), role: z.enum(JIT_ROLES) });
export type RoleMapping = z.infer<typeof roleMapping>;

export const ssoJitPolicyInput = z.object({
  /** null: a first sign-in creates no membership (an invitation is still needed). */
  defaultRole: z.enum(JIT_ROLES).nullable(),
  groupsClaim: text().trim().min(1).max(255).default("groups"),
  roleMappings: z.array(roleMapping).max(100).default([]),
});
export type SsoJitPolicyInput = z.infer<typeof ssoJitPolicyInput>;
export type SsoJitPolicyView = { defaultRole: JitRole | null; groupsClaim: string; roleMappings: RoleMapping[] };

const DEFAULT_POLICY: SsoJitPolicyView = { defaultRole: null, groupsClaim: "groups", roleMappings: [] };

function parseMappings(value: unknown): RoleMapping[] {
  const parsed = z.array(roleMapping).safeParse(value);
  return parsed.success ? parsed.data : [];
}

export async function getSsoJitPolicy(orgId: string): Promise<SsoJitPolicyView> {
  const row = await getDb().ssoJitPolicy.findUnique({ where: { orgId } });
  if (!row) return DEFAULT_POLICY;
  return { defaultRole: (row.defaultRole as JitRole | null) ?? null, groupsClaim: row.groupsClaim, roleMappings: parseMappings(row.roleMappings) };
}

export type JitChangeContext = { orgId: string; actorId: string; ip: string | null; userAgent: string | null; requestId: string };

export async function saveSsoJitPolicy(ctx: JitChangeContext, input: SsoJitPolicyInput): Promise<SsoJitPolicyView> {
  const data = { defaultRole: input.defaultRole, groupsClaim: input.groupsClaim, roleMappings: input.roleMappings };
  await getDb().$transaction(async (tx) => {
    await tx.ssoJitPolicy.upsert({ where: { orgId: ctx.orgId }, create: { orgId: ctx.orgId, ...data }, update: data });
    await recordAudit(tx, {
      action: "sso.jit_policy_updated",
      orgId: ctx.orgId,
      actorId: ctx.actorId,
      targetType: "organization",
      targetId: ctx.orgId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
      metadata: { defaultRole: input.defaultRole, groupsClaim: input.groupsClaim, mappings: input.roleMappings.length },
    });
  });
  return getSsoJitPolicy(ctx.orgId);
}

/** The groups an IdP asserted under `claim`: a string, a list, or nothing. */
export function groupsFrom(claims: Record<string, unknown> | undefined, claim: string): string[] {
  const value = claims?.[claim];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

export function mappedRole(mappings: RoleMapping[], groups: string[]): JitRole | null {
  const held = new Set(groups);
  return mappings.find((mapping) => held.has(mapping.group))?.role ?? null;
}

export type SsoMembershipInput = { orgId: string; userId: string; claims: Record<string, unknown> | undefined; via: "oidc" | "saml"; ip: string | null; userAgent: string | null; requestId: string };
export type SsoMembershipOutcome = { role: string | null; created: boolean; changed: boolean };

/** Creates or updates the signing-in user's membership per the org's JIT policy, inside the caller's transaction. */
export async function applySsoMembership(tx: Tx, input: SsoMembershipInput): Promise<SsoMembershipOutcome> {
  const row = await tx.ssoJitPolicy.findUnique({ where: { orgId: input.orgId } });
  const policy: SsoJitPolicyView = row ? { defaultRole: (row.defaultRole as JitRole | null) ?? null, groupsClaim: row.groupsClaim, roleMappings: parseMappings(row.roleMappings) } : DEFAULT_POLICY;
  const mapped = mappedRole(policy.roleMappings, groupsFrom(input.claims, policy.groupsClaim));
  const audit = { orgId: input.orgId, actorId: input.userId, targetType: "user", targetId: input.userId, ip: input.ip, userAgent: input.userAgent, requestId: input.requestId };
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: input.userId } }, select: { id: true, role: true } });

  if (!existing) {
    if (!policy.defaultRole) return { role: null, created: false, changed: false };
    const role = mapped ?? policy.defaultRole;
    try {
      await assertSeatForNewMember(tx, input.orgId);
    } catch (error) {
      if (!(error instanceof QuotaExceeded)) throw error;
      // The sign-in still succeeds; the admin sees why no membership appeared.
      logger.warn({ orgId: input.orgId }, "SSO just-in-time membership refused: no seat left");
      await recordAudit(tx, { ...audit, action: "sso.jit_refused", metadata: { via: input.via, reason: "seats" } });
      return { role: null, created: false, changed: false };
    }
    await tx.membership.create({ data: { orgId: input.orgId, userId: input.userId, role } });
    await queueSeatSync(tx, input.orgId, "added");
    await recordAudit(tx, { ...audit, action: "member.joined", metadata: { role, via: `sso_jit_${input.via}` } });
    return { role, created: true, changed: false };
  }
  if (!mapped || existing.role === "owner" || existing.role === mapped) return { role: existing.role, created: false, changed: false };
  await tx.membership.update({ where: { id: existing.id }, data: { role: mapped } });
  await recordAudit(tx, { ...audit, action: "member.role_changed", metadata: { from: existing.role, to: mapped, via: `sso_groups_${input.via}` } });
  return { role: mapped, created: false, changed: true };
}
