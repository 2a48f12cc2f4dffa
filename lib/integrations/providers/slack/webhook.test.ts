// Slack's v0 signature, its 5-minute window, the url_verification handshake, Events API
// callbacks, interactivity payloads and slash commands, on Slack's documented examples.
import { describe, expect, it } from "vitest";
import { providerFixture, slackHeaders } from "../../../testing/signed-webhooks";
import { slackVerifier, webhook } from "./webhook";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const now = new Date();
const verify = (raw: string, headers: Record<string, string>, credentials: Record<string, string> = { WEBHOOK_SECRET: SECRET }, at = now) =>
  webhook.verify({ headers: new Headers(headers), rawBody: Buffer.from(raw), now: at }, credentials);

describe("Slack request verifier", () => {
  it("matches Slack's documented example signature (slash command, 1531420618)", () => {
    const body = providerFixture("slack", "slash-command.txt");
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": "1531420618",
      "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    };
    const result = verify(body, headers, { WEBHOOK_SECRET: SECRET }, new Date(1531420618_000 + 30_000));
    expect(result).toMatchObject({
      kind: "delivery",
      ack: "empty",
      delivery: { deliveryId: "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", eventType: "slash_command", action: "/webhook-collect" },
    });
    // The same request, received more than 5 minutes after it was signed.
    expect(verify(body, headers, { WEBHOOK_SECRET: SECRET }, new Date(1531420618_000 + 301_000))).toEqual({ kind: "refused", reason: "stale_timestamp" });
  });

  it("answers url_verification with its challenge, stored nowhere", async () => {
    const body = providerFixture("slack", "url-verification.json");
    const result = verify(body, slackHeaders(body, SECRET));
    expect(result.kind).toBe("reply");
    const response = (result as { response: Response }).response;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("stores an Events API callback under its event_id, retries included", () => {
    const body = providerFixture("slack", "app-mention.json");
    const expected = { kind: "delivery", delivery: { deliveryId: "Ev123ABC456", eventType: "app_mention", action: null } };
    expect(verify(body, slackHeaders(body, SECRET))).toMatchObject(expected);
    expect(verify(body, slackHeaders(body, SECRET, { retryNum: 1 }))).toMatchObject(expected);
  });

  it("stores an interactivity payload (form-encoded payload=) under its trigger_id and acknowledges it empty", () => {
    const json = providerFixture("slack", "block-actions.json");
    const body = new URLSearchParams({ payload: json }).toString();
    expect(verify(body, slackHeaders(body, SECRET, { form: true }))).toMatchObject({
      kind: "delivery",
      ack: "empty",
      delivery: { deliveryId: "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3", eventType: "block_actions", action: "WaXA", payload: JSON.parse(json) },
    });
  });

  it("accepts the connection's copy or the app's current SLACK_SIGNING_SECRET, and refuses when neither exists", () => {
    const body = providerFixture("slack", "app-mention.json");
    const request = (secret: string) => ({ headers: new Headers(slackHeaders(body, secret)), rawBody: Buffer.from(body), now });
    const regenerated = slackVerifier(() => "regenerated-app-secret");
    expect(regenerated.verify(request("regenerated-app-secret"), { WEBHOOK_SECRET: SECRET })).toMatchObject({ kind: "delivery" });
    expect(regenerated.verify(request(SECRET), { WEBHOOK_SECRET: SECRET })).toMatchObject({ kind: "delivery" });
    expect(regenerated.verify(request("regenerated-app-secret"), {})).toMatchObject({ kind: "delivery" });
    expect(regenerated.verify(request("someone-else"), { WEBHOOK_SECRET: SECRET })).toEqual({ kind: "refused", reason: "bad_signature" });
    expect(slackVerifier(() => undefined).verify(request(SECRET), {})).toEqual({ kind: "refused", reason: "unconfigured" });
  });

  it("refuses a wrong secret, an altered body, a stale or future timestamp and missing headers", () => {
    const body = providerFixture("slack", "app-mention.json");
    expect(verify(body, slackHeaders(body, "wrong-secret"))).toEqual({ kind: "refused", reason: "bad_signature" });
    expect(verify(body.replace("pearl", "perl"), slackHeaders(body, SECRET))).toEqual({ kind: "refused", reason: "bad_signature" });
    const seconds = Math.floor(now.getTime() / 1000);
    expect(verify(body, slackHeaders(body, SECRET, { timestamp: seconds - 301 }))).toEqual({ kind: "refused", reason: "stale_timestamp" });
    expect(verify(body, slackHeaders(body, SECRET, { timestamp: seconds + 301 }))).toEqual({ kind: "refused", reason: "stale_timestamp" });
    const { "x-slack-signature": _, ...unsigned } = slackHeaders(body, SECRET);
    expect(verify(body, unsigned)).toEqual({ kind: "refused", reason: "missing_signature" });
    const { "x-slack-request-timestamp": __, ...untimed } = slackHeaders(body, SECRET);
    expect(verify(body, untimed)).toEqual({ kind: "refused", reason: "missing_signature" });
  });

  it("answers malformed for verified bodies it cannot use", () => {
    for (const body of ["{not json", JSON.stringify({ type: "event_callback", event: { type: "message" } }), JSON.stringify({ type: "mystery" })]) {
      expect(verify(body, slackHeaders(body, SECRET))).toEqual({ kind: "malformed" });
    }
    const form = "payload=%7Bbroken";
    expect(verify(form, slackHeaders(form, SECRET, { form: true }))).toEqual({ kind: "malformed" });
  });
});
