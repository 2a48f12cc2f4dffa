// GitLab webhooks. The secret token arrives as is in `X-Gitlab-Token` and is compared in
// constant time with the connection's WEBHOOK_SECRET. When the connection also holds a
// SIGNING_TOKEN, the request must carry GitLab's signed-webhook headers too: GitLab
// follows the Standard Webhooks scheme, `webhook-signature: v1,<base64 HMAC-SHA256 of
// "{webhook-id}.{webhook-timestamp}.{body}">` (space-separated when several), keyed with
// the base64 bytes after the token's `whsec_` prefix, `webhook-timestamp` in seconds and
// accepted within 5 minutes. Delivery id: `Idempotency-Key` (constant across retries),
// else `X-Gitlab-Event-UUID`; event: the payload's `object_kind` (system hooks:
// `event_name`), else `X-Gitlab-Event`.
import "server-only";
import { MALFORMED, delivered, header, isObject, jsonObject, refused, text } from "../../webhooks/inbound";
import { constantTimeEqual, hmacSha256 } from "../../webhooks/signature";
import type { Credentials, InboundRequest, InboundResult, WebhookVerifier } from "../../types";

const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

function signingKey(token: string): Buffer {
  return token.startsWith("whsec_") ? Buffer.from(token.slice("whsec_".length), "base64") : Buffer.from(token, "utf8");
}

/** The signed-webhook check; null when it passes. */
function checkSignedWebhook({ headers, rawBody, now }: InboundRequest, signingToken: string): InboundResult | null {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) return refused("missing_signature");
  const expected = `v1,${hmacSha256(signingKey(signingToken), [id, ".", timestamp, ".", rawBody], "base64")}`;
  // Every listed signature is compared, so the time taken does not say which one matched.
  const matches = signatures.split(" ").filter(Boolean).map((candidate) => constantTimeEqual(candidate, expected));
  if (!matches.includes(true)) return refused("bad_signature");
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!(Math.abs(now.getTime() / 1000 - seconds) <= SIGNATURE_TOLERANCE_SECONDS)) return refused("stale_timestamp");
  return null;
}

function checkToken(headers: Headers, credentials: Credentials): InboundResult | null {
  const given = header(headers, "x-gitlab-token");
  if (!given) return refused("missing_signature");
  return constantTimeEqual(given, credentials.WEBHOOK_SECRET!) ? null : refused("bad_signature");
}

export const webhook: WebhookVerifier = {
  credentialNames: ["WEBHOOK_SECRET", "SIGNING_TOKEN"],
  verify(request, credentials) {
    const { headers, rawBody } = request;
    if (!credentials.WEBHOOK_SECRET && !credentials.SIGNING_TOKEN) return refused("unconfigured");
    const failure = (credentials.WEBHOOK_SECRET ? checkToken(headers, credentials) : null) ?? (credentials.SIGNING_TOKEN ? checkSignedWebhook(request, credentials.SIGNING_TOKEN) : null);
    if (failure) return failure;

    const payload = jsonObject(rawBody);
    if (!payload) return MALFORMED;
    const attributes = isObject(payload.object_attributes) ? payload.object_attributes : null;
    return delivered({
      deliveryId: header(headers, "idempotency-key") ?? header(headers, "x-gitlab-event-uuid"),
      eventType: text(payload, "object_kind") ?? text(payload, "event_name") ?? header(headers, "x-gitlab-event"),
      // Merge requests and issues name an action; pipelines and jobs only a status ("failed").
      action: text(attributes, "action") ?? text(attributes, "status"),
      payload,
    });
  },
};
