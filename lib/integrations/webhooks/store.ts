// Stores a verified delivery and queues its processing in ONE statement, hence one
// transaction: the delivery row, its job (naming it) and the connection's lastDeliveryAt,
// or nothing. A delivery id already stored for the connection is a duplicate (a retry,
// a redelivery, a replay) and changes nothing. The job row is the one lib/jobs' enqueue()
// writes (same columns and defaults; ingest.test.ts compares them): enqueue() needs an
// interactive transaction, whose four round trips cost most of a delivery's time under
// load (`npm run bench:webhooks`); a data-modifying CTE takes one.
import "server-only";
import { randomUUID } from "node:crypto";
import { getPool, type Tx } from "../../db";
import { BadRequest } from "../../errors";
import type { ParsedDelivery } from "../types";
import { connectionGone, endpointNotFound, type WebhookTarget } from "./target";

export const PROCESS_DELIVERY_TASK = "integrations.process-delivery";
/** enqueue()'s default: the processing task dead-letters a delivery after this many attempts. */
export const DELIVERY_MAX_ATTEMPTS = 8;

/**
 * PostgreSQL refusing a payload JSON.parse accepted: a NUL character (22P05) or a lone
 * UTF-16 surrogate (22P02) cannot be stored in jsonb. The sender's problem, not ours: 400.
 */
const UNSTORABLE_JSON = new Set(["22P05", "22P02"]);

/** randomUUID draws from a cached entropy pool: cheaper per delivery than randomBytes. */
export function newDeliveryId(): string {
  return `dlv_${randomUUID()}`;
}

// $3 is the connection: the row is written only while it exists and is active (checked
// in this statement's snapshot, so a disable that committed first wins). lastDeliveryAt
// moves at most once a second: its condition is on the row itself, which PostgreSQL
// re-checks after waiting for a concurrent update, so a burst updates it once, not each time.
const STORE_DELIVERY = `
  WITH connection AS (
    SELECT id, status::text AS status FROM "IntegrationConnection" WHERE id = $3),
  delivery AS (
    INSERT INTO "WebhookDelivery" (id, "orgId", "connectionId", provider, "deliveryId", "eventType", action, headers, payload, "jobId")
    SELECT $1, $2, connection.id, $4::"IntegrationProvider", $5, $6, $7, $8::jsonb, $9::jsonb, $10 FROM connection WHERE status = 'active'
    ON CONFLICT ("connectionId", "deliveryId") DO NOTHING
    RETURNING id),
  job AS (
    INSERT INTO "Job" (id, task, payload, "runAt", "maxAttempts", "uniqueKey", "updatedAt")
    SELECT $10, $11, jsonb_build_object('deliveryId', delivery.id), now(), $12, 'delivery:' || delivery.id, now() FROM delivery
    RETURNING id),
  touched AS (
    UPDATE "IntegrationConnection" SET "lastDeliveryAt" = now()
    WHERE id = $3 AND EXISTS (SELECT 1 FROM job)
      AND ("lastDeliveryAt" IS NULL OR "lastDeliveryAt" < now() - interval '1 second'))
  SELECT EXISTS (SELECT 1 FROM job) AS stored, (SELECT status FROM connection) AS status`;

type StoreResult = { stored: boolean; status: string | null };

/** PostgreSQL's error code, from pg directly or wrapped by Prisma's driver adapter (a raw query in a transaction). */
function postgresCode(error: unknown): string {
  const wrapped = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } }).meta?.driverAdapterError?.cause?.originalCode;
  return wrapped ?? (error as { code?: string }).code ?? "";
}

/**
 * `tx`: inside the caller's transaction, for a delivery whose effects go with it (a GitHub
 * App uninstall disables its connection, app-ingest.ts); otherwise one pooled statement.
 */
export async function storeDelivery(target: WebhookTarget, delivery: ParsedDelivery, headers: Record<string, string>, tx?: Tx): Promise<"stored" | "duplicate"> {
  const values = [
    newDeliveryId(), target.orgId, target.id, target.provider, delivery.deliveryId, delivery.eventType, delivery.action,
    JSON.stringify(headers), JSON.stringify(delivery.payload), `job_${randomUUID()}`, PROCESS_DELIVERY_TASK, DELIVERY_MAX_ATTEMPTS,
  ];
  let result: StoreResult | undefined;
  try {
    if (tx) [result] = await tx.$queryRawUnsafe<StoreResult[]>(STORE_DELIVERY, ...values);
    // Named: each pooled connection parses and plans the statement once, not per delivery.
    else ({ rows: [result] } = await getPool().query<StoreResult>({ name: "webhooks.store-delivery", text: STORE_DELIVERY, values }));
  } catch (error) {
    // The connection was deleted between this statement's snapshot and its foreign-key check.
    const code = postgresCode(error);
    if (code === "23503") throw endpointNotFound();
    if (UNSTORABLE_JSON.has(code)) throw new BadRequest("The webhook body holds characters that cannot be stored (a NUL or an unpaired surrogate)");
    throw error;
  }
  if (result?.stored) return "stored";
  if (!result?.status) throw endpointNotFound();
  if (result.status !== "active") throw connectionGone();
  return "duplicate";
}
