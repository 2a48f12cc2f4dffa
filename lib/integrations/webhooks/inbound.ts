// Small helpers the provider verifiers share: reading headers and bodies defensively and
// building InboundResults. Values that end up as stored ids are bounded here, so a
// verified but absurd header becomes a 400, not a database error.
import "server-only";
import type { InboundResult, ParsedDelivery, RefusalReason } from "../types";

const MAX_ID_LENGTH = 200;
const MAX_TYPE_LENGTH = 200;

export function refused(reason: RefusalReason): InboundResult {
  return { kind: "refused", reason };
}

export const MALFORMED: InboundResult = { kind: "malformed" };

/** A header's trimmed value, or null when absent or blank. */
export function header(headers: Headers, name: string): string | null {
  const value = headers.get(name)?.trim();
  return value ? value : null;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body as a JSON object, or null when it is not one. */
export function jsonObject(rawBody: Buffer): JsonObject | null {
  try {
    const value: unknown = JSON.parse(rawBody.toString("utf8"));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

export function isFormEncoded(headers: Headers): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(headers.get("content-type") ?? "");
}

/** A string field of an object, or null. */
export function text(object: unknown, key: string): string | null {
  if (!isObject(object)) return null;
  const value = object[key];
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** A verified delivery, or malformed when its id or type is missing or out of bounds. */
export function delivered(delivery: { deliveryId: string | null; eventType: string | null; action: string | null; payload: unknown }, ack?: "empty"): InboundResult {
  const { deliveryId, eventType } = delivery;
  if (!deliveryId || deliveryId.length > MAX_ID_LENGTH) return MALFORMED;
  if (!eventType || eventType.length > MAX_TYPE_LENGTH) return MALFORMED;
  const action = delivery.action && delivery.action.length <= MAX_TYPE_LENGTH ? delivery.action : null;
  const parsed: ParsedDelivery = { deliveryId, eventType, action, payload: delivery.payload };
  return ack ? { kind: "delivery", delivery: parsed, ack } : { kind: "delivery", delivery: parsed };
}
