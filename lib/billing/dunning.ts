// Whether the console shows the dunning banner: a payment failed (grace period running)
// or a paid plan lapsed to Free. From the cached entitlements: no query on most pages.
import "server-only";
import { orgEntitlements } from "./entitlements";
import { PLANS, isPlanId } from "./plans";

export type DunningState = { graceEndsAt: string | null; lapsedFrom: string | null; planName: string };

export async function dunningStateFor(orgId: string): Promise<DunningState | null> {
  const resolved = await orgEntitlements(orgId);
  if (!resolved.graceEndsAt && !resolved.lapsedFrom) return null;
  // A subscription canceled on purpose is not dunning: the banner speaks of failed payments and lapses after them.
  if (resolved.lapsedFrom && resolved.status === "canceled" && !resolved.graceEndsAt) return null;
  const lapsedFrom = resolved.lapsedFrom && isPlanId(resolved.lapsedFrom) ? PLANS[resolved.lapsedFrom].name : null;
  return { graceEndsAt: resolved.graceEndsAt?.toISOString() ?? null, lapsedFrom, planName: PLANS[resolved.plan].name };
}
