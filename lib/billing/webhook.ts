// Stripe's webhook: the signature verified by the SDK on the raw body (300 s tolerance),
// then the event stored once (unique on Stripe's event id) with its processing job in the
// same transaction. Refusals store nothing and are counted like the integrations' (a 401
// without saying which check failed); a duplicate answers 200 and changes nothing.
import "server-only";
import Stripe from "stripe";
import { getDb } from "../db";
import { env } from "../env";
import { acceptedOrThrow } from "../integrations/webhooks/ingest";
import { MALFORMED, isObject, refused } from "../integrations/webhooks/inbound";
import { recordAppRefusal } from "../integrations/webhooks/refusals";
import { endpointNotFound } from "../integrations/webhooks/target";
import type { InboundResult } from "../integrations/types";
import { enqueue } from "../jobs/queue";
import { stripe } from "./stripe";
import { PROCESS_STRIPE_EVENT_TASK } from "./tasks";

export const STRIPE_TOLERANCE_SECONDS = 300;


type Verified = { id: string; type: string; created: number; payload: Record<string, unknown> };

/** The webhook secret; billing off or no secret: the URL does not exist (404). */
export function stripeWebhookSecret(): string {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!env().STRIPE_SECRET_KEY || !secret) throw endpointNotFound();
  return secret;
}

function verify(rawBody: Buffer, signature: string | null, secret: string): InboundResult {
  if (!signature) return refused("missing_signature");
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(rawBody, signature, secret, STRIPE_TOLERANCE_SECONDS);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) return MALFORMED;
    return refused(/tolerance/i.test(error.message) ? "stale_timestamp" : "bad_signature");
  }
  const valid = isObject(event) && typeof event.id === "string" && /^evt_\w{1,200}$/.test(event.id) && typeof event.type === "string" && event.type.length <= 200 && Number.isInteger(event.created);
  if (!valid) return MALFORMED;
  return { kind: "delivery", delivery: { deliveryId: event.id, eventType: event.type, action: null, payload: event } };
}

export async function ingestStripeWebhook(rawBody: Buffer, signature: string | null, secret: string): Promise<"stored" | "duplicate"> {
  const accepted = acceptedOrThrow(verify(rawBody, signature, secret), (reason) => recordAppRefusal("stripe", reason));
  if (accepted.kind !== "delivery") throw new Error("a Stripe verification never replies");
  const event = accepted.delivery.payload as Verified & { created: number };
  return getDb().$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "StripeEvent" (id, type, "createdAt", payload)
      VALUES (${event.id}, ${event.type}, ${new Date(event.created * 1000)}, ${JSON.stringify(event)}::jsonb)
      ON CONFLICT (id) DO NOTHING`;
    if (inserted === 0) return "duplicate" as const;
    await enqueue(tx, PROCESS_STRIPE_EVENT_TASK, { eventId: event.id }, { uniqueKey: `stripe-event:${event.id}` });
    return "stored" as const;
  });
}
