// GitLab's secret token and signed webhooks on the documented example payloads.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { gitlabHeaders, providerFixture } from "../../../testing/signed-webhooks";
import { webhook } from "./webhook";

const TOKEN = "gitlab-secret-token";
const SIGNING = `whsec_${randomBytes(32).toString("base64")}`;
const push = providerFixture("gitlab", "push-hook.json");
const now = new Date();
const verify = (body: string, headers: Record<string, string>, credentials: Record<string, string> = { WEBHOOK_SECRET: TOKEN }) =>
  webhook.verify({ headers: new Headers(headers), rawBody: Buffer.from(body), now }, credentials);

describe("GitLab webhook verifier", () => {
  it("accepts the documented push, merge request and pipeline hooks with the secret token", () => {
    expect(verify(push, gitlabHeaders(push, TOKEN, { deliveryId: "idem-1" }))).toMatchObject({
      kind: "delivery",
      delivery: { deliveryId: "idem-1", eventType: "push", action: null, payload: JSON.parse(push) },
    });
    const mr = providerFixture("gitlab", "merge-request-hook.json");
    expect(verify(mr, gitlabHeaders(mr, TOKEN, { event: "Merge Request Hook" }))).toMatchObject({ kind: "delivery", delivery: { eventType: "merge_request", action: "open" } });
    const pipeline = providerFixture("gitlab", "pipeline-hook.json");
    expect(verify(pipeline, gitlabHeaders(pipeline, TOKEN, { event: "Pipeline Hook" }))).toMatchObject({ kind: "delivery", delivery: { eventType: "pipeline", action: "success" } });
  });

  it("falls back to X-Gitlab-Event-UUID when GitLab sends no Idempotency-Key", () => {
    const { "idempotency-key": _, ...headers } = gitlabHeaders(push, TOKEN);
    expect(verify(push, headers)).toMatchObject({ kind: "delivery", delivery: { deliveryId: headers["x-gitlab-event-uuid"] } });
  });

  it("refuses a wrong or missing token and a connection without any secret", () => {
    expect(verify(push, gitlabHeaders(push, "wrong-token"))).toEqual({ kind: "refused", reason: "bad_signature" });
    expect(verify(push, gitlabHeaders(push, `${TOKEN}x`))).toEqual({ kind: "refused", reason: "bad_signature" });
    expect(verify(push, gitlabHeaders(push, null))).toEqual({ kind: "refused", reason: "missing_signature" });
    expect(verify(push, gitlabHeaders(push, TOKEN), {})).toEqual({ kind: "refused", reason: "unconfigured" });
  });

  it("with a signing token, requires a valid webhook-signature over id, timestamp and body, within 5 minutes", () => {
    const both = { WEBHOOK_SECRET: TOKEN, SIGNING_TOKEN: SIGNING };
    expect(verify(push, gitlabHeaders(push, TOKEN, { signingToken: SIGNING, deliveryId: "signed-1" }), both)).toMatchObject({ kind: "delivery", delivery: { deliveryId: "signed-1" } });
    // Signing token alone (no secret token configured).
    expect(verify(push, gitlabHeaders(push, null, { signingToken: SIGNING }), { SIGNING_TOKEN: SIGNING })).toMatchObject({ kind: "delivery" });
    // The token alone no longer suffices.
    expect(verify(push, gitlabHeaders(push, TOKEN), both)).toEqual({ kind: "refused", reason: "missing_signature" });
    const other = `whsec_${randomBytes(32).toString("base64")}`;
    expect(verify(push, gitlabHeaders(push, TOKEN, { signingToken: other }), both)).toEqual({ kind: "refused", reason: "bad_signature" });
    const signed = gitlabHeaders(push, TOKEN, { signingToken: SIGNING });
    expect(verify(push.replace("John Smith", "Mallory"), signed, both)).toEqual({ kind: "refused", reason: "bad_signature" });
    // The id is signed too: a replay under another id fails.
    expect(verify(push, { ...signed, "webhook-id": "another" }, both)).toEqual({ kind: "refused", reason: "bad_signature" });
    const stale = gitlabHeaders(push, TOKEN, { signingToken: SIGNING, timestamp: Math.floor(now.getTime() / 1000) - 301 });
    expect(verify(push, stale, both)).toEqual({ kind: "refused", reason: "stale_timestamp" });
    // Several signatures (a rotation in progress): one valid one is enough.
    expect(verify(push, { ...signed, "webhook-signature": `v1,AAAA ${signed["webhook-signature"]}` }, both)).toMatchObject({ kind: "delivery" });
  });

  it("answers malformed for a verified body that is not a JSON object or has no delivery id", () => {
    expect(verify("{oops", gitlabHeaders("{oops", TOKEN))).toEqual({ kind: "malformed" });
    const { "idempotency-key": _, "x-gitlab-event-uuid": __, ...noId } = gitlabHeaders(push, TOKEN);
    expect(verify(push, noId)).toEqual({ kind: "malformed" });
  });
});
