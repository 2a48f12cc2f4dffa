// Plan quotas where things are created. The check runs inside the creating transaction
// and first takes a transaction-scoped advisory lock per org and quota, so two concurrent
// creations at the limit are serialized: the second counts the first and is refused (402
// quota_exceeded naming the limit, the use and the plan that lifts it). Nothing above a
// lowered quota is deleted: creating more is refused until use drops below it.
// No "server-only" marker: jobs may check quotas.
import { audit } from "./quota-audit";
import type { Tx } from "../db";
import { QuotaExceeded, type QuotaDetails } from "../errors";
import { advisoryKey } from "../integrations/locks";
import { orgEntitlements } from "./entitlements";
import { PAID_PLAN_IDS, PLANS, planThatLifts } from "./plans";

export type CountedQuota = "seats" | "secrets" | "integrations";

/** What the org's plan allows for `key` now (Infinity: unlimited). */
export async function quotaOf(orgId: string, key: CountedQuota): Promise<number> {
  return (await orgEntitlements(orgId)).entitlements[key];
}

export async function assertQuota(tx: Tx, orgId: string, key: CountedQuota, adding: number, countUsed: (tx: Tx) => Promise<number>): Promise<void> {
  const { plan, entitlements } = await orgEntitlements(orgId);
  const allowed = entitlements[key];
  if (allowed === Infinity || adding <= 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${advisoryKey(`quota:${key}:${orgId}`)}::bigint)`;
  const used = await countUsed(tx);
  if (used + adding <= allowed) return;
  const upgradeTo = planThatLifts(key, used + adding);
  await audit(orgId, key, allowed, used);
  throw new QuotaExceeded(key, allowed, { used, plan: PLANS[plan].name, upgradeTo: upgradeTo ? PLANS[upgradeTo].name : null });
}

/**
 * Above a lowered quota (a downgrade, a lapse to Free) what exists stays readable and
 * deletable, but changing it is refused with 402 until use is back within the limit, so
 * a lapsed plan's extra secrets, connections or seats cannot go on being used as if paid
 * for. `what` names the things in the message ("secrets"). At or under the limit: allowed.
 */
export async function assertWithinQuota(tx: Tx, orgId: string, key: CountedQuota, what: string, countUsed: (tx: Tx) => Promise<number>): Promise<void> {
  const { plan, entitlements } = await orgEntitlements(orgId);
  const allowed = entitlements[key];
  if (allowed === Infinity) return;
  const used = await countUsed(tx);
  if (used <= allowed) return;
  const upgradeTo = planThatLifts(key, used);
  await audit(orgId, key, allowed, used);
  throw new AboveQuota(key, allowed, { used, plan: PLANS[plan].name, upgradeTo: upgradeTo ? PLANS[upgradeTo].name : null }, what);
}

/** A change refused because use is above the plan's limit: what exists is read-only until it is back within it. */
export class AboveQuota extends QuotaExceeded {
  constructor(key: CountedQuota, allowed: number, extra: QuotaDetails, what: string) {
    const details: QuotaDetails & { readOnly: true } = { ...extra, readOnly: true };
    super(key, allowed, details);
    this.message = `${this.message} Above the limit, existing ${what} are read-only: delete some to get back within ${allowed}, or upgrade.`;
  }
}

/** Refuses setting up SSO on a plan without it (402); an existing connection keeps working. */
export async function assertSsoAllowed(orgId: string): Promise<void> {
  const { plan, entitlements } = await orgEntitlements(orgId);
  if (entitlements.sso) return;
  const upgradeTo = PAID_PLAN_IDS.find((id) => PLANS[id].entitlements.sso) ?? null;
  await audit(orgId, "sso", 0, 0);
  throw new QuotaExceeded("sso", 0, { used: 0, plan: PLANS[plan].name, upgradeTo: upgradeTo ? PLANS[upgradeTo].name : null });
}

/** Refuses an audit retention longer than the plan keeps (402). Lowering it is always allowed. */
export async function assertAuditRetentionAllowed(orgId: string, days: number): Promise<void> {
  const { plan, entitlements } = await orgEntitlements(orgId);
  if (days <= entitlements.auditRetentionDays) return;
  const upgradeTo = PAID_PLAN_IDS.find((id) => PLANS[id].entitlements.auditRetentionDays >= days) ?? null;
  await audit(orgId, "auditRetentionDays", entitlements.auditRetentionDays, days);
  throw new QuotaExceeded("auditRetentionDays", entitlements.auditRetentionDays, { used: days, plan: PLANS[plan].name, upgradeTo: upgradeTo ? PLANS[upgradeTo].name : null });
}
