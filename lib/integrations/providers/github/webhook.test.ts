// GitHub's signature scheme on real payloads from @octokit/webhooks-examples.
import { describe, expect, it } from "vitest";
import { githubExample, githubHeaders } from "../../../testing/signed-webhooks";
import { webhook } from "./webhook";

const SECRET = "github-webhook-secret";
const now = new Date();
const verify = (body: string, headers: Record<string, string>, credentials: Record<string, string> = { WEBHOOK_SECRET: SECRET }) =>
  webhook.verify({ headers: new Headers(headers), rawBody: Buffer.from(body), now }, credentials);

describe("GitHub webhook verifier", () => {
  it("matches GitHub's documented test vector", () => {
    // docs.github.com "Validating webhook deliveries": secret "It's a Secret to Everybody", body "Hello, World!".
    const headers = { "x-hub-signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "x-github-event": "ping", "x-github-delivery": "d1" };
    expect(webhook.verify({ headers: new Headers(headers), rawBody: Buffer.from("Hello, World!"), now }, { WEBHOOK_SECRET: "It's a Secret to Everybody" })).toEqual({ kind: "malformed" });
    expect(webhook.verify({ headers: new Headers(headers), rawBody: Buffer.from("Hello, World?"), now }, { WEBHOOK_SECRET: "It's a Secret to Everybody" })).toEqual({ kind: "refused", reason: "bad_signature" });
  });

  it("accepts a signed push and a signed pull_request.opened with their delivery id, event and action", () => {
    const push = JSON.stringify(githubExample("push"));
    expect(verify(push, githubHeaders(push, SECRET, { event: "push", deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958" }))).toMatchObject({
      kind: "delivery",
      delivery: { deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958", eventType: "push", action: null, payload: JSON.parse(push) },
    });
    const opened = JSON.stringify(githubExample("pull_request", "opened"));
    expect(verify(opened, githubHeaders(opened, SECRET, { event: "pull_request", deliveryId: "pr-1" }))).toMatchObject({
      kind: "delivery",
      delivery: { deliveryId: "pr-1", eventType: "pull_request", action: "opened" },
    });
  });

  it("accepts the form-encoded content type (payload=<JSON>)", () => {
    const json = JSON.stringify(githubExample("push"));
    const body = new URLSearchParams({ payload: json }).toString();
    const headers = { ...githubHeaders(body, SECRET), "content-type": "application/x-www-form-urlencoded" };
    expect(verify(body, headers)).toMatchObject({ kind: "delivery", delivery: { eventType: "push", payload: JSON.parse(json) } });
  });

  it("refuses a wrong secret, an altered body, a missing signature and a connection without a secret", () => {
    const body = JSON.stringify(githubExample("push"));
    expect(verify(body, githubHeaders(body, "another-secret"))).toEqual({ kind: "refused", reason: "bad_signature" });
    expect(verify(body.replace("Codertocat", "Mallory"), githubHeaders(body, SECRET))).toEqual({ kind: "refused", reason: "bad_signature" });
    const { "x-hub-signature-256": _, ...unsigned } = githubHeaders(body, SECRET);
    expect(verify(body, unsigned)).toEqual({ kind: "refused", reason: "missing_signature" });
    // The old SHA-1 header alone is not enough.
    expect(verify(body, { ...unsigned, "x-hub-signature": "sha1=0000" })).toEqual({ kind: "refused", reason: "missing_signature" });
    expect(verify(body, githubHeaders(body, SECRET), {})).toEqual({ kind: "refused", reason: "unconfigured" });
  });

  it("answers malformed for a verified body that is not JSON or lacks the delivery or event header", () => {
    expect(verify("{not json", githubHeaders("{not json", SECRET))).toEqual({ kind: "malformed" });
    expect(verify("[1,2]", githubHeaders("[1,2]", SECRET))).toEqual({ kind: "malformed" });
    const body = JSON.stringify(githubExample("push"));
    const { "x-github-delivery": _, ...noDelivery } = githubHeaders(body, SECRET);
    expect(verify(body, noDelivery)).toEqual({ kind: "malformed" });
    const { "x-github-event": __, ...noEvent } = githubHeaders(body, SECRET);
    expect(verify(body, noEvent)).toEqual({ kind: "malformed" });
    expect(verify(body, githubHeaders(body, SECRET, { deliveryId: "x".repeat(201) }))).toEqual({ kind: "malformed" });
  });
});
