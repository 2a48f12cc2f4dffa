// GitHub webhooks: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>` under the
// connection's webhook secret; no timestamp is signed, so replays are caught by the
// delivery id (`X-GitHub-Delivery`) alone. The event is `X-GitHub-Event`, the action the
// payload's `action`. Bodies are JSON, or form-encoded with the JSON in `payload` when
// the hook was set up with that content type.
import "server-only";
import { MALFORMED, delivered, header, isFormEncoded, jsonObject, refused, text } from "../../webhooks/inbound";
import { constantTimeEqual, hmacSha256 } from "../../webhooks/signature";
import type { WebhookVerifier } from "../../types";

export const webhook: WebhookVerifier = {
  credentialNames: ["WEBHOOK_SECRET"],
  verify({ headers, rawBody }, credentials) {
    const secret = credentials.WEBHOOK_SECRET;
    if (!secret) return refused("unconfigured");
    const signature = header(headers, "x-hub-signature-256");
    if (!signature) return refused("missing_signature");
    if (!constantTimeEqual(signature, `sha256=${hmacSha256(secret, [rawBody], "hex")}`)) return refused("bad_signature");

    const payload = isFormEncoded(headers) ? jsonObject(Buffer.from(new URLSearchParams(rawBody.toString("utf8")).get("payload") ?? "")) : jsonObject(rawBody);
    if (!payload) return MALFORMED;
    return delivered({ deliveryId: header(headers, "x-github-delivery"), eventType: header(headers, "x-github-event"), action: text(payload, "action"), payload });
  },
};
