// Slack requests (Events API, interactivity, slash commands): `X-Slack-Signature:
// v0=<hex HMAC-SHA256 of "v0:{X-Slack-Request-Timestamp}:{body}">` under the Slack app's
// signing secret, the timestamp within 5 minutes. The secret is the connection's
// WEBHOOK_SECRET (copied from SLACK_SIGNING_SECRET when it was connected) or the current
// SLACK_SIGNING_SECRET, so regenerating the app's secret does not orphan old connections.
// What the body holds decides the rest:
// - `url_verification`: answered at once with its challenge, stored nowhere;
// - `event_callback`: stored under its `event_id`, so Slack's retries (X-Slack-Retry-Num)
//   are duplicates; event type `event.type`;
// - form-encoded `payload=<JSON>` (interactivity) and slash commands: stored under their
//   own ids (trigger_id, else the action's or view's) and acknowledged with an empty 200,
//   which is how Slack expects them answered (a body would be shown to the user).
import "server-only";
import { env } from "../../../env";
import { MALFORMED, delivered, header, isFormEncoded, isObject, jsonObject, refused, text, type JsonObject } from "../../webhooks/inbound";
import { constantTimeEqual, hmacSha256 } from "../../webhooks/signature";
import type { InboundRequest, InboundResult, WebhookVerifier } from "../../types";

const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

function eventsApi(payload: JsonObject): InboundResult {
  if (payload.type === "url_verification" && typeof payload.challenge === "string") {
    return { kind: "reply", response: Response.json({ challenge: payload.challenge }) };
  }
  // Slack telling the app it is being rate limited: nothing to process.
  if (payload.type === "app_rate_limited") return { kind: "reply", response: new Response(null, { status: 200 }) };
  if (payload.type !== "event_callback") return MALFORMED;
  const event = isObject(payload.event) ? payload.event : null;
  return delivered({ deliveryId: text(payload, "event_id"), eventType: text(event, "type"), action: text(event, "subtype"), payload });
}

function interaction(payload: JsonObject): InboundResult {
  const action = Array.isArray(payload.actions) && isObject(payload.actions[0]) ? payload.actions[0] : null;
  const view = isObject(payload.view) ? payload.view : null;
  const viewId = text(view, "id") && text(view, "hash") ? `${text(view, "id")}:${text(view, "hash")}` : null;
  return delivered(
    {
      deliveryId: text(payload, "trigger_id") ?? text(action, "action_ts") ?? text(payload, "action_ts") ?? viewId,
      eventType: text(payload, "type"),
      action: text(action, "action_id") ?? text(payload, "callback_id"),
      payload,
    },
    "empty",
  );
}

function formBody(rawBody: Buffer): InboundResult {
  const form = new URLSearchParams(rawBody.toString("utf8"));
  // Slack checking the certificate of a slash command's URL.
  if (form.get("ssl_check") === "1") return { kind: "reply", response: new Response(null, { status: 200 }) };
  const interactive = form.get("payload");
  if (interactive !== null) {
    const payload = jsonObject(Buffer.from(interactive, "utf8"));
    return payload ? interaction(payload) : MALFORMED;
  }
  const command = form.get("command");
  if (!command) return MALFORMED;
  const fields = Object.fromEntries(form);
  return delivered({ deliveryId: form.get("trigger_id"), eventType: "slash_command", action: command, payload: fields }, "empty");
}

/** The verifier, given where the Slack app's current signing secret comes from. */
export function slackVerifier(appSigningSecret: () => string | undefined): WebhookVerifier {
  return {
    credentialNames: ["WEBHOOK_SECRET"],
    verify: (request, credentials) => verifySlack(request, [credentials.WEBHOOK_SECRET, appSigningSecret()]),
  };
}

export const webhook = slackVerifier(() => env().SLACK_SIGNING_SECRET);

function verifySlack({ headers, rawBody, now }: InboundRequest, candidates: (string | undefined)[]): InboundResult {
  const secrets = [...new Set(candidates.filter((secret): secret is string => Boolean(secret)))];
  if (secrets.length === 0) return refused("unconfigured");
  const timestamp = header(headers, "x-slack-request-timestamp");
  const signature = header(headers, "x-slack-signature");
  if (!timestamp || !signature) return refused("missing_signature");
  // Both secrets are always tried, so timing does not tell which one signed.
  const matches = secrets.map((secret) => constantTimeEqual(signature, `v0=${hmacSha256(secret, ["v0:", timestamp, ":", rawBody], "hex")}`));
  if (!matches.includes(true)) return refused("bad_signature");
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!(Math.abs(now.getTime() / 1000 - seconds) <= TIMESTAMP_TOLERANCE_SECONDS)) return refused("stale_timestamp");

  if (isFormEncoded(headers)) return formBody(rawBody);
  const payload = jsonObject(rawBody);
  return payload ? eventsApi(payload) : MALFORMED;
}
