// "Require two-factor authentication for members": the org setting and the check the org
// resolver (lib/authz/org-resolver.ts) runs for every signed-in org request, pages and API.
// Members who have not enrolled are let in until the grace period ends, then refused with
// `mfa_required`. An SSO session can satisfy it when the org says so and the IdP asserted
// one of the accepted `amr`/`acr` values (SAML: AuthnContextClassRef) at that sign-in.
// Machine callers (API keys, external JWTs, SCIM) are not subject to it: no person signs in.
// No "server-only" marker: tests load it in plain Node.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { hasSecondFactor } from "../auth/mfa/factors";
import { getDb } from "../db";
import { Conflict, Invalid } from "../errors";
import { auditFields, type OrgContext } from "../context";
import { text } from "../validation/text";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What IdPs commonly assert for a multi-factor sign-in (RFC 8176 amr; SAML/REFEDS/Entra acr). */
export const DEFAULT_SSO_ACCEPTED_VALUES = [
  "mfa",
  "otp",
  "hwk",
  "swk",
  "https://refeds.org/profile/mfa",
  "urn:oasis:names:tc:SAML:2.0:ac:classes:MultiFactor",
  "http://schemas.microsoft.com/claims/multipleauthn",
];

export const mfaPolicyPatch = z
  .object({
    required: z.boolean(),
    graceDays: z.number().int().min(0).max(90),
    ssoSatisfies: z.boolean(),
    ssoAcceptedValues: z.array(text().trim().min(1).max(255)).max(50),
  })
  .partial()
  .strict();
export type MfaPolicyPatch = z.infer<typeof mfaPolicyPatch>;

export type MfaPolicyView = {
  required: boolean;
  requiredSince: string | null;
  graceDays: number;
  /** When members without two-factor authentication lose access (null: not required). */
  graceEndsAt: string | null;
  ssoSatisfies: boolean;
  ssoAcceptedValues: string[];
};

/** The policy columns the org resolver reads in its own query (one round trip). */
export type MfaPolicyRow = { requiredSince: Date | null; graceDays: number; ssoSatisfies: boolean; ssoAcceptedValues: string[] };

export function graceEndsAt(policy: Pick<MfaPolicyRow, "requiredSince" | "graceDays">): Date | null {
  return policy.requiredSince ? new Date(policy.requiredSince.getTime() + policy.graceDays * DAY_MS) : null;
}

function toView(row: MfaPolicyRow | null): MfaPolicyView {
  const policy = row ?? { requiredSince: null, graceDays: 7, ssoSatisfies: false, ssoAcceptedValues: DEFAULT_SSO_ACCEPTED_VALUES };
  return {
    required: policy.requiredSince !== null,
    requiredSince: policy.requiredSince?.toISOString() ?? null,
    graceDays: policy.graceDays,
    graceEndsAt: graceEndsAt(policy)?.toISOString() ?? null,
    ssoSatisfies: policy.ssoSatisfies,
    ssoAcceptedValues: policy.ssoAcceptedValues,
  };
}

const policySelect = { requiredSince: true, graceDays: true, ssoSatisfies: true, ssoAcceptedValues: true } as const;

export async function getMfaPolicy(orgId: string): Promise<MfaPolicyView> {
  return toView(await getDb().orgMfaPolicy.findUnique({ where: { orgId }, select: policySelect }));
}

export async function updateMfaPolicy(ctx: OrgContext, patch: MfaPolicyPatch, now = new Date()): Promise<MfaPolicyView> {
  const current = await getDb().orgMfaPolicy.findUnique({ where: { orgId: ctx.org.id }, select: policySelect });
  const before = toView(current);
  if (patch.required && !before.required && !(await hasSecondFactor(ctx.actor.userId))) {
    // Otherwise the admin turning it on would be the first one locked out.
    throw new Conflict("Set up two-factor authentication on your own account before requiring it for members");
  }
  if (patch.ssoSatisfies && (patch.ssoAcceptedValues ?? before.ssoAcceptedValues).length === 0) {
    throw new Invalid("List at least one accepted amr/acr value for SSO sign-ins to satisfy the requirement", [{ path: "ssoAcceptedValues", message: "At least one value", in: "body" }]);
  }
  const requiredSince = patch.required === undefined ? (current?.requiredSince ?? null) : patch.required ? (current?.requiredSince ?? now) : null;
  const data = {
    requiredSince,
    graceDays: patch.graceDays ?? before.graceDays,
    ssoSatisfies: patch.ssoSatisfies ?? before.ssoSatisfies,
    ssoAcceptedValues: patch.ssoAcceptedValues ?? before.ssoAcceptedValues,
  };
  const saved = await getDb().$transaction(async (tx) => {
    const row = await tx.orgMfaPolicy.upsert({ where: { orgId: ctx.org.id }, create: { orgId: ctx.org.id, ...data }, update: data, select: policySelect });
    await recordAudit(tx, {
      action: "org.mfa_policy_updated",
      ...auditFields(ctx),
      targetType: "organization",
      targetId: ctx.org.id,
      metadata: { required: data.requiredSince !== null, graceDays: data.graceDays, ssoSatisfies: data.ssoSatisfies, ssoAcceptedValues: data.ssoAcceptedValues },
    });
    return row;
  });
  return toView(saved);
}

/** What the requirement means for one member's request now. */
export type MfaRequirement = { kind: "not-required" } | { kind: "satisfied" } | { kind: "grace"; endsAt: Date } | { kind: "blocked" };

/**
 * Checked only for people (session callers); `policy` comes from the resolver's query.
 * An SSO session counts only when it was made through one of this org's own connections.
 */
export async function mfaRequirementFor(
  policy: MfaPolicyRow | null,
  caller: { userId: string; sessionId: string; orgId: string },
  now = new Date(),
): Promise<MfaRequirement> {
  const endsAt = policy ? graceEndsAt(policy) : null;
  if (!policy || !endsAt) return { kind: "not-required" };
  if (await hasSecondFactor(caller.userId)) return { kind: "satisfied" };
  if (policy.ssoSatisfies && (await ssoSessionAssertedMfa(caller.sessionId, caller.orgId, policy.ssoAcceptedValues))) return { kind: "satisfied" };
  return now < endsAt ? { kind: "grace", endsAt } : { kind: "blocked" };
}

async function ssoSessionAssertedMfa(sessionId: string, orgId: string, accepted: string[]): Promise<boolean> {
  const session = await getDb().session.findUnique({ where: { id: sessionId }, select: { ssoConnectionId: true, ssoAmr: true, ssoAcr: true } });
  if (!session?.ssoConnectionId) return false;
  const asserted = [...session.ssoAmr, ...(session.ssoAcr ? [session.ssoAcr] : [])];
  if (!asserted.some((value) => accepted.includes(value))) return false;
  const [oidc, saml] = await Promise.all([
    getDb().ssoConnection.count({ where: { id: session.ssoConnectionId, orgId } }),
    getDb().samlConnection.count({ where: { id: session.ssoConnectionId, orgId } }),
  ]);
  return oidc + saml > 0;
}
