// Billing's PostHog events, only when configured: a plan change, a failed payment and a
// quota refusal reach a local capture endpoint as events about the org, with ids only.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { startPostHogCapture, type PostHogCapture } from "../testing/posthog";
import type { StripeStandIn } from "../testing/stripe-stand-in";
import { flushTelemetry, shutdownTelemetry } from "../telemetry/server";
import { assertQuota } from "./quota";
import { checkoutAs, deliver, sessionIdOf, startBilling, stopBilling } from "./test-billing";

let posthog: PostHogCapture;
let standIn: StripeStandIn;

beforeAll(async () => {
  posthog = await startPostHogCapture();
  vi.stubEnv("POSTHOG_KEY", "phc_billingtest123");
  vi.stubEnv("POSTHOG_HOST", posthog.host);
  standIn = await startBilling();
});

afterAll(async () => {
  await shutdownTelemetry();
  await stopBilling(standIn);
  await posthog.close();
});

describeWith(["postgres", "redis"], "billing telemetry", () => {
  it("sends plan changed, payment failed and quota refused about the org, with no names or slugs", async () => {
    const { org, owner } = await orgWithMembers();
    const started = await checkoutAs(owner.cookie, org.slug);
    const paid = standIn.completeCheckout(sessionIdOf(started.body.url));
    await deliver(standIn, paid);
    await deliver(standIn, standIn.failPayment(String(paid[1]!.data.object.id)));
    await expect(getDb().$transaction((tx) => assertQuota(tx, org.id, "seats", 1000, async () => 1))).rejects.toMatchObject({ code: "quota_exceeded" });
    await flushTelemetry();

    const about = posthog.events().filter((event) => event.distinct_id === org.id);
    expect(about.find((event) => event.event === "plan changed")?.properties).toMatchObject({ orgId: org.id, planId: "team", statusId: "active" });
    expect(about.find((event) => event.event === "payment failed")?.properties).toMatchObject({ orgId: org.id, planId: "team", statusId: "past_due" });
    expect(about.find((event) => event.event === "quota refused")?.properties).toMatchObject({ orgId: org.id, limitId: "seats" });
    const raw = posthog.raw();
    for (const forbidden of [org.slug, org.name, owner.user.email]) expect(raw).not.toContain(forbidden);
  });
});
