// Webhook ingestion, after the route has found the connection and read the raw body
// (size-capped): verify with the provider's scheme, then store and queue the delivery,
// answer a handshake, or refuse. Refusals store nothing; they count and log (refusals.ts).
import "server-only";
import { BadRequest, Unauthorized } from "../../errors";
import type { InboundRequest } from "../types";
import { webhookCredentials } from "./credentials";
import { redactHeaders } from "./redact";
import { recordRefusal } from "./refusals";
import { storeDelivery } from "./store";
import type { WebhookTarget } from "./target";
import { webhookVerifiers } from "./verifiers";

export type IngestOutcome =
  | { kind: "stored" | "duplicate"; ack?: "empty" }
  /** Answered at once, nothing stored (Slack's url_verification). */
  | { kind: "reply"; response: Response };

export async function ingestWebhook(target: WebhookTarget, request: InboundRequest): Promise<IngestOutcome> {
  const verifier = webhookVerifiers[target.provider];
  const { credentials, cached } = await webhookCredentials(target, verifier.credentialNames);
  let result = verifier.verify(request, credentials);
  // A secret rotated (or first set) by another process: the cached one is stale.
  if (result.kind === "refused" && cached && (result.reason === "bad_signature" || result.reason === "unconfigured")) {
    result = verifier.verify(request, (await webhookCredentials(target, verifier.credentialNames, { fresh: true })).credentials);
  }

  switch (result.kind) {
    case "refused":
      recordRefusal(target, result.reason);
      // No detail: which check failed would help a forger more than a provider.
      throw new Unauthorized("The webhook could not be verified");
    case "malformed":
      throw new BadRequest("The webhook body is not a delivery this endpoint accepts");
    case "reply":
      return { kind: "reply", response: result.response };
    case "delivery": {
      const stored = await storeDelivery(target, result.delivery, redactHeaders(request.headers));
      return result.ack ? { kind: stored, ack: result.ack } : { kind: stored };
    }
  }
}
