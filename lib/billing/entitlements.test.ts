// The entitlements rule (plan + status + grace period) and billing off.
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { createOrg } from "../testing/org-fixtures";
import { orgEntitlements, resolveEntitlements, type SubscriptionState } from "./entitlements";
import { PLANS, lookupKey, planOfLookupKey, planThatLifts } from "./plans";

const now = new Date("2026-12-01T12:00:00Z");
const days = (count: number) => new Date(now.getTime() + count * 86_400_000);
const team = (status: string, pastDueSince: Date | null = null): SubscriptionState => ({ status, plan: "team", pastDueSince, currentPeriodEnd: days(20), cancelAtPeriodEnd: false, trialEnd: null, quantity: 3 });

describe("resolveEntitlements", () => {
  it("gives the plan while active or trialing, Free without a subscription", () => {
    expect(resolveEntitlements(null, now, 7)).toMatchObject({ plan: "free", lapsedFrom: null });
    expect(resolveEntitlements(team("active"), now, 7)).toMatchObject({ plan: "team", entitlements: PLANS.team.entitlements, graceEndsAt: null });
    expect(resolveEntitlements(team("trialing"), now, 7).plan).toBe("team");
  });

  it("keeps the plan through the grace period after a failed payment, then falls back to Free", () => {
    expect(resolveEntitlements(team("past_due", days(-6)), now, 7)).toMatchObject({ plan: "team", graceEndsAt: days(1) });
    expect(resolveEntitlements(team("unpaid", days(-8)), now, 7)).toMatchObject({ plan: "free", lapsedFrom: "team", graceEndsAt: days(-1) });
    expect(resolveEntitlements(team("past_due", days(-1)), now, 0)).toMatchObject({ plan: "free", lapsedFrom: "team" });
  });

  it("falls back to Free when the subscription ended or never started", () => {
    expect(resolveEntitlements(team("canceled"), now, 7)).toMatchObject({ plan: "free", lapsedFrom: "team" });
    expect(resolveEntitlements(team("incomplete"), now, 7)).toMatchObject({ plan: "free", lapsedFrom: null });
    expect(resolveEntitlements({ ...team("active"), plan: "self-hosted" }, now, 7).plan).toBe("free");
  });
});

describe("plans", () => {
  it("names prices by lookup key both ways and finds the plan that lifts a limit", () => {
    expect(lookupKey("team", "month")).toBe("bastion_team_monthly");
    expect(planOfLookupKey("bastion_enterprise_yearly")).toEqual({ plan: "enterprise", interval: "year" });
    expect(planOfLookupKey("bastion_free_monthly")).toBeNull();
    expect(planThatLifts("seats", 4)).toBe("team");
    expect(planThatLifts("seats", 51)).toBe("enterprise");
  });
});

describeWith(["postgres"], "orgEntitlements with billing off", () => {
  it("gives every org the default plan (self-hosted, unlimited) without reading the database", async () => {
    const org = await createOrg();
    await getDb().subscription.create({ data: { orgId: org.id, stripeSubscriptionId: `sub_${org.id}`, status: "canceled", plan: "team", readAt: new Date() } });
    const resolved = await orgEntitlements(org.id);
    expect(resolved).toMatchObject({ plan: "self-hosted", billing: "off" });
    expect(resolved.entitlements.secrets).toBe(Infinity);
  });
});
