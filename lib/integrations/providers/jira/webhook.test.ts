// Jira's X-Hub-Signature on the documented example payload.
import { describe, expect, it } from "vitest";
import { jiraHeaders, providerFixture } from "../../../testing/signed-webhooks";
import { webhook } from "./webhook";

const SECRET = "jira-webhook-secret";
const body = providerFixture("jira", "issue-updated.json");
const now = new Date();
const verify = (raw: string, headers: Record<string, string>, credentials: Record<string, string> = { WEBHOOK_SECRET: SECRET }, unsigned = false) =>
  webhook.verify({ headers: new Headers(headers), rawBody: Buffer.from(raw), now }, credentials, { unsigned });

describe("Jira webhook verifier", () => {
  it("accepts a signed delivery under its X-Atlassian-Webhook-Identifier with webhookEvent as its type", () => {
    expect(verify(body, jiraHeaders(body, SECRET, { deliveryId: "1234567890" }))).toMatchObject({
      kind: "delivery",
      delivery: { deliveryId: "1234567890", eventType: "jira:issue_updated", action: null, payload: JSON.parse(body) },
    });
  });

  it("refuses a wrong secret, an altered body and a missing signature when a secret is set", () => {
    expect(verify(body, jiraHeaders(body, "not-the-secret"))).toEqual({ kind: "refused", reason: "bad_signature" });
    expect(verify(body.replace("need for speed", "need for greed"), jiraHeaders(body, SECRET))).toEqual({ kind: "refused", reason: "bad_signature" });
    expect(verify(body, jiraHeaders(body, null))).toEqual({ kind: "refused", reason: "missing_signature" });
  });

  it("accepts unsigned requests only for a connection an admin made unsigned, identified by the body's digest without an identifier", () => {
    const { "x-atlassian-webhook-identifier": _, ...headers } = jiraHeaders(body, null);
    // No secret but not chosen unsigned: nothing can verify it.
    expect(verify(body, headers, {})).toEqual({ kind: "refused", reason: "unconfigured" });
    const result = verify(body, headers, {}, true);
    expect(result).toMatchObject({ kind: "delivery", delivery: { deliveryId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } });
    // A retry (same body) gets the same id; another event another one.
    expect(verify(body, headers, {}, true)).toEqual(result);
    const other = body.replace("1525698237764", "1525698237765");
    expect(verify(other, headers, {}, true)).not.toMatchObject({ delivery: { deliveryId: (result as { delivery: { deliveryId: string } }).delivery.deliveryId } });
  });

  it("answers malformed for verified JSON without webhookEvent, or not JSON at all", () => {
    expect(verify("{}", jiraHeaders("{}", SECRET))).toEqual({ kind: "malformed" });
    expect(verify("<xml/>", jiraHeaders("<xml/>", SECRET))).toEqual({ kind: "malformed" });
  });
});
