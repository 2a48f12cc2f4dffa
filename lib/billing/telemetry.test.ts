// Billing's PostHog events, only when configured: a plan change, a failed payment and a
// quota refusal reach a local capture endpoint as events about the org, with ids only.
import { createServer, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import type { StripeStandIn } from "../testing/stripe-stand-in";
import { flushTelemetry, shutdownTelemetry } from "../telemetry/server";
import { assertQuota } from "./quota";
import { checkoutAs, deliver, sessionIdOf, startBilling, stopBilling } from "./test-billing";

type Captured = { event: string; distinct_id: string; properties: Record<string, unknown> };
let server: Server;
let standIn: StripeStandIn;
const received: { raw: string; events: Captured[] }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const raw = (request.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8");
      received.push({ raw, events: (JSON.parse(raw) as { batch?: Captured[] }).batch ?? [] });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  vi.stubEnv("POSTHOG_KEY", "phc_billingtest123");
  vi.stubEnv("POSTHOG_HOST", `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  standIn = await startBilling();
});

afterAll(async () => {
  await shutdownTelemetry();
  await stopBilling(standIn);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const events = () => received.flatMap((batch) => batch.events);

describeWith(["postgres", "redis"], "billing telemetry", () => {
  it("sends plan changed, payment failed and quota refused about the org, with no names or slugs", async () => {
    const { org, owner } = await orgWithMembers();
    const started = await checkoutAs(owner.cookie, org.slug);
    const paid = standIn.completeCheckout(sessionIdOf(started.body.url));
    await deliver(standIn, paid);
    await deliver(standIn, standIn.failPayment(String(paid[1]!.data.object.id)));
    await expect(getDb().$transaction((tx) => assertQuota(tx, org.id, "seats", 1000, async () => 1))).rejects.toMatchObject({ code: "quota_exceeded" });
    await flushTelemetry();

    const about = events().filter((event) => event.distinct_id === org.id);
    expect(about.find((event) => event.event === "plan changed")?.properties).toMatchObject({ orgId: org.id, planId: "team", statusId: "active" });
    expect(about.find((event) => event.event === "payment failed")?.properties).toMatchObject({ orgId: org.id, planId: "team", statusId: "past_due" });
    expect(about.find((event) => event.event === "quota refused")?.properties).toMatchObject({ orgId: org.id, limitId: "seats" });
    const raw = received.map((batch) => batch.raw).join("\n");
    for (const forbidden of [org.slug, org.name, owner.user.email]) expect(raw).not.toContain(forbidden);
  });
});
