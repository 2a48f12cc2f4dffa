// Webhook ingestion, after the route has found the connection and read the raw body
// (size-capped): verify with the provider's scheme, then store and queue the delivery,
// answer a handshake, or refuse. Refusals store nothing; they count and log (refusals.ts).
// The app-level URLs (app-ingest.ts) share the handling of what a verifier found.
import "server-only";
import { BadRequest, Unauthorized } from "../../errors";
import type { InboundRequest, InboundResult, RefusalReason } from "../types";
import { webhookCredentials } from "./credentials";
import { redactHeaders } from "./redact";
import { recordRefusal } from "./refusals";
import { storeDelivery } from "./store";
import type { WebhookTarget } from "./target";
import { webhookVerifiers } from "./verifiers";

export type IngestOutcome =
  | { kind: "stored" | "duplicate"; ack?: "empty" }
  /** Answered at once, nothing stored (Slack's url_verification). */
  | { kind: "reply"; response: Response }
  /** Verified, but at an app-level URL for no active connection: nothing stored, answered `status`. */
  | { kind: "ignored"; status: 200 | 202; ack?: "empty" };

export type Accepted = Extract<InboundResult, { kind: "delivery" | "reply" }>;

/**
 * What a verifier found, past its refusals: a refusal is recorded by `record` and thrown as
 * a 401, an unusable body as a 400; a delivery to store or a reply remain.
 */
export function acceptedOrThrow(result: InboundResult, record: (reason: RefusalReason) => void): Accepted {
  switch (result.kind) {
    case "refused":
      record(result.reason);
      // No detail: which check failed would help a forger more than a provider.
      throw new Unauthorized("The webhook could not be verified");
    case "malformed":
      throw new BadRequest("The webhook body is not a delivery this endpoint accepts");
    default:
      return result;
  }
}

export async function ingestWebhook(target: WebhookTarget, request: InboundRequest): Promise<IngestOutcome> {
  const verifier = webhookVerifiers[target.provider];
  const { credentials, cached } = await webhookCredentials(target, verifier.credentialNames);
  const signing = { unsigned: target.webhookUnsigned === true };
  let result = verifier.verify(request, credentials, signing);
  // A secret rotated (or first set) by another process: the cached one is stale.
  if (result.kind === "refused" && cached && (result.reason === "bad_signature" || result.reason === "unconfigured")) {
    result = verifier.verify(request, (await webhookCredentials(target, verifier.credentialNames, { fresh: true })).credentials, signing);
  }

  const accepted = acceptedOrThrow(result, (reason) => recordRefusal(target, reason));
  if (accepted.kind === "reply") return accepted;
  const stored = await storeDelivery(target, accepted.delivery, redactHeaders(request.headers));
  return accepted.ack ? { kind: stored, ack: accepted.ack } : { kind: stored };
}
