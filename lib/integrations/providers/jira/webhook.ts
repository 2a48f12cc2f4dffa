// Jira webhooks. When the connection has a WEBHOOK_SECRET (Bastion sets one on every Jira
// connection it makes), Jira signs the body: `X-Hub-Signature: sha256=<hex HMAC-SHA256>`,
// and an unsigned or wrongly signed request is refused. Unsigned requests are accepted only
// when an admin chose unsigned webhooks for a Data Center connection (one that cannot sign;
// connections/signing.ts removes its secret then); without a secret otherwise, refused. Delivery id:
// `X-Atlassian-Webhook-Identifier`, constant across Jira Cloud's retries; Data Center
// sends none, so the body's SHA-256 stands in (a retry repeats the body, and distinct
// events differ at least in their timestamp). Event: the payload's `webhookEvent`
// (e.g. "jira:issue_created"), action its `issue_event_type_name` when present.
import "server-only";
import { MALFORMED, delivered, header, jsonObject, refused, text } from "../../webhooks/inbound";
import { bodyDigest, constantTimeEqual, hmacSha256 } from "../../webhooks/signature";
import type { WebhookVerifier } from "../../types";

export const webhook: WebhookVerifier = {
  credentialNames: ["WEBHOOK_SECRET"],
  verify({ headers, rawBody }, credentials, signing) {
    const secret = credentials.WEBHOOK_SECRET;
    if (secret) {
      const signature = header(headers, "x-hub-signature");
      if (!signature) return refused("missing_signature");
      if (!constantTimeEqual(signature, `sha256=${hmacSha256(secret, [rawBody], "hex")}`)) return refused("bad_signature");
    } else if (!signing?.unsigned) {
      return refused("unconfigured");
    }
    const payload = jsonObject(rawBody);
    if (!payload) return MALFORMED;
    return delivered({
      deliveryId: header(headers, "x-atlassian-webhook-identifier") ?? `sha256:${bodyDigest(rawBody)}`,
      eventType: text(payload, "webhookEvent"),
      action: text(payload, "issue_event_type_name"),
      payload,
    });
  },
};
