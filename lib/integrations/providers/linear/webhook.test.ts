// Linear's signature and its 60-second webhookTimestamp window on the documented payload.
import { describe, expect, it } from "vitest";
import { linearBody, linearHeaders, providerFixture } from "../../../testing/signed-webhooks";
import { webhook } from "./webhook";

const SECRET = "lin_wh_secret";
const example = JSON.parse(providerFixture("linear", "comment-create.json")) as Record<string, unknown>;
const now = new Date();
const verify = (raw: string, headers: Record<string, string>, credentials: Record<string, string> = { WEBHOOK_SECRET: SECRET }) =>
  webhook.verify({ headers: new Headers(headers), rawBody: Buffer.from(raw), now }, credentials);

describe("Linear webhook verifier", () => {
  it("accepts a signed, fresh delivery with Linear-Delivery as id and type/action from the payload", () => {
    const body = linearBody(example, now.getTime() - 5_000);
    expect(verify(body, linearHeaders(body, SECRET, { deliveryId: "d-1", event: "Comment" }))).toMatchObject({
      kind: "delivery",
      delivery: { deliveryId: "d-1", eventType: "Comment", action: "create", payload: JSON.parse(body) },
    });
  });

  it("refuses deliveries stamped more than 60 s away from now, in either direction", () => {
    for (const offset of [-60_001, 60_001, -3_600_000]) {
      const body = linearBody(example, now.getTime() + offset);
      expect(verify(body, linearHeaders(body, SECRET))).toEqual({ kind: "refused", reason: "stale_timestamp" });
    }
    // The documentation's own, long past, timestamp.
    const documented = JSON.stringify(example);
    expect(verify(documented, linearHeaders(documented, SECRET))).toEqual({ kind: "refused", reason: "stale_timestamp" });
    const unstamped = JSON.stringify({ ...example, webhookTimestamp: undefined });
    expect(verify(unstamped, linearHeaders(unstamped, SECRET))).toEqual({ kind: "refused", reason: "stale_timestamp" });
  });

  it("refuses a wrong secret, an altered body (even a refreshed timestamp) and a missing signature", () => {
    const body = linearBody(example);
    expect(verify(body, linearHeaders(body, "other"))).toEqual({ kind: "refused", reason: "bad_signature" });
    const stale = linearBody(example, now.getTime() - 120_000);
    expect(verify(linearBody(example), linearHeaders(stale, SECRET))).toEqual({ kind: "refused", reason: "bad_signature" });
    const { "linear-signature": _, ...unsigned } = linearHeaders(body, SECRET);
    expect(verify(body, unsigned)).toEqual({ kind: "refused", reason: "missing_signature" });
    expect(verify(body, linearHeaders(body, SECRET), {})).toEqual({ kind: "refused", reason: "unconfigured" });
  });

  it("answers malformed for verified non-JSON and for a missing Linear-Delivery", () => {
    expect(verify("nope", linearHeaders("nope", SECRET))).toEqual({ kind: "malformed" });
    const body = linearBody(example);
    const { "linear-delivery": _, ...noId } = linearHeaders(body, SECRET);
    expect(verify(body, noId)).toEqual({ kind: "malformed" });
  });
});
