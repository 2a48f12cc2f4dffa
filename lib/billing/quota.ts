// Plan quotas where things are created. The check runs inside the creating transaction
// and first takes a transaction-scoped advisory lock per org and quota, so two concurrent
// creations at the limit are serialized: the second counts the first and is refused (402
// quota_exceeded naming the limit, the use and the plan that lifts it). Nothing above a
// lowered quota is deleted: creating more is refused until use drops below it.
// No "server-only" marker: jobs may check quotas.
import { audit } from "./quota-audit";
import type { Tx } from "../db";
import { QuotaExceeded } from "../errors";
import { advisoryKey } from "../integrations/locks";
import { orgEntitlements } from "./entitlements";
import { PLANS, planThatLifts } from "./plans";

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
