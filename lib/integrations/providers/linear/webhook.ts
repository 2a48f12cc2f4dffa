// Linear webhooks: `Linear-Signature: <hex HMAC-SHA256 of the body>` under the webhook's
// signing secret, and the signed body's `webhookTimestamp` (milliseconds) within 60 s of
// now, which is what @linear/sdk's LinearWebhookClient.verify checks too (done here
// against the request's `now`, and without throwing). Delivery id: `Linear-Delivery`;
// event: the payload's `type` (e.g. "Issue"), else `Linear-Event`; action: `action`.
import "server-only";
import { MALFORMED, delivered, header, jsonObject, refused, text } from "../../webhooks/inbound";
import { constantTimeEqual, hmacSha256 } from "../../webhooks/signature";
import type { WebhookVerifier } from "../../types";

const TIMESTAMP_TOLERANCE_MS = 60_000;

export const webhook: WebhookVerifier = {
  credentialNames: ["WEBHOOK_SECRET"],
  verify({ headers, rawBody, now }, credentials) {
    const secret = credentials.WEBHOOK_SECRET;
    if (!secret) return refused("unconfigured");
    const signature = header(headers, "linear-signature");
    if (!signature) return refused("missing_signature");
    if (!constantTimeEqual(signature, hmacSha256(secret, [rawBody], "hex"))) return refused("bad_signature");

    const payload = jsonObject(rawBody);
    if (!payload) return MALFORMED;
    const timestamp = payload.webhookTimestamp;
    if (typeof timestamp !== "number" || !(Math.abs(now.getTime() - timestamp) <= TIMESTAMP_TOLERANCE_MS)) return refused("stale_timestamp");
    return delivered({
      deliveryId: header(headers, "linear-delivery"),
      eventType: text(payload, "type") ?? header(headers, "linear-event"),
      action: text(payload, "action"),
      payload,
    });
  },
};
