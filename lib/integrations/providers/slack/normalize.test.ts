// Slack payloads from the examples Slack documents (the webhook fixtures, fixtures/README.md,
// and a bot message of the documented shape, fixtures/normalize-bot-message.json).
import { describe, expect, it } from "vitest";
import appMention from "./fixtures/app-mention.json";
import blockActions from "./fixtures/block-actions.json";
import botMessage from "./fixtures/normalize-bot-message.json";
import urlVerification from "./fixtures/url-verification.json";
import { normalize } from "./normalize";

const run = (eventType: string, payload: unknown) => normalize({ eventType, action: null, payload });

describe("Slack normalizer", () => {
  it("turns an Events API callback into its inner event", () => {
    expect(run("app_mention", appMention)).toEqual({
      source: "slack",
      type: "app_mention",
      action: null,
      actor: "U123ABC456",
      resource: "C123ABC456",
      url: null,
      summary: "U123ABC456 mentioned the app: “What is the hour of the pearl, <@U0LAN0Z89>?” in C123ABC456",
      occurredAt: new Date("2018-01-08T22:12:02.000Z"),
      actorId: "U123ABC456",
      resourceIds: ["C123ABC456"],
    });
  });

  it("names a bot's message by its bot id (what the loop guard compares)", () => {
    expect(run("message", botMessage)).toMatchObject({ type: "message", action: "bot_message", actor: "Bastion", actorId: "B123ABC456" });
  });

  it("turns an interactivity payload into its type and action id, never keeping the response_url", () => {
    const event = run("block_actions", blockActions);
    expect(event).toMatchObject({ type: "block_actions", action: "WaXA", actor: "jtorrance", actorId: "UA8RXUSPL", resource: "review-updates", resourceIds: ["CBR2V3XEX"], url: null });
    expect(JSON.stringify(event)).not.toContain("hooks.slack.com");
  });

  it("records nothing for the url_verification handshake", () => {
    expect(run("url_verification", urlVerification)).toBeNull();
  });
});
