// Ingestion at an app's one webhook URL (/api/webhooks/github, /api/webhooks/slack):
// verified with the app's secret, then routed to the connections of the delivery's
// installation or workspace and stored for each exactly as on the per-connection URL
// (same uniqueness per connection, same job). A delivery that no active connection takes
// is counted and acknowledged, never refused: the provider shows refusals to the app's
// owner, the instance operator, for whom nothing is wrong. One that ends the connection
// (the GitHub App uninstalled or suspended) disables it in the transaction storing it; one
// that undoes a suspension enables the connections that suspension disabled.
import "server-only";
import { recordAudit } from "../../audit/record";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { AppWebhook, InboundRequest, ParsedDelivery } from "../types";
import { findAppTargets, type AppTarget } from "./app-targets";
import { recordIgnored } from "./ignored";
import { acceptedOrThrow, type IngestOutcome } from "./ingest";
import { redactHeaders } from "./redact";
import { recordAppRefusal } from "./refusals";
import { storeDelivery } from "./store";
import { endpointNotFound } from "./target";

type TargetOutcome = "stored" | "duplicate" | "not_taken";

/** The app's secret; an app without one has no webhook URL here (404). */
export function appWebhookSecret(app: AppWebhook): string {
  const secret = app.secret();
  if (!secret) throw endpointNotFound();
  return secret;
}

export async function ingestAppWebhook(app: AppWebhook, secret: string, request: InboundRequest): Promise<IngestOutcome> {
  const accepted = acceptedOrThrow(app.verify(request, secret), (reason) => recordAppRefusal(app.provider, reason));
  if (accepted.kind === "reply") return accepted;
  const { delivery, ack } = accepted;
  const externalId = app.externalIdOf(delivery);
  const targets = externalId ? await findAppTargets(app, externalId) : [];
  const headers = redactHeaders(request.headers);
  const ending = app.disablesConnection?.(delivery) ?? null;
  const resuming = app.reenablesConnection?.(delivery) ?? null;

  const outcomes: TargetOutcome[] = [];
  for (const target of targets) {
    if (ending) outcomes.push(await storeAndDisable(target, delivery, headers, ending));
    else if (resuming && target.status === "disabled") outcomes.push(await enableAndStore(target, delivery, headers, resuming));
    else outcomes.push(await storeUnlessGone(target, delivery, headers));
  }
  const ackOf = ack ? { ack } : {};
  if (outcomes.includes("stored")) return { kind: "stored", ...ackOf };
  if (outcomes.includes("duplicate")) return { kind: "duplicate", ...ackOf };
  recordIgnored(app.provider, targets.length > 0 ? "disabled" : "no_connection");
  return { kind: "ignored", status: app.ignoredStatus, ...ackOf };
}

/** Stores for an active connection; one disabled or deleted (meanwhile) does not take it. */
async function storeUnlessGone(target: AppTarget, delivery: ParsedDelivery, headers: Record<string, string>): Promise<TargetOutcome> {
  if (target.status !== "active") return "not_taken";
  try {
    return await storeDelivery(target, delivery, headers);
  } catch (error) {
    if (error instanceof AppError && (error.code === "gone" || error.code === "not_found")) return "not_taken";
    throw error;
  }
}

/**
 * The delivery, the connection disabled with `lastError` and the audit event, or nothing.
 * The row is locked first, so a concurrent disable or disconnect waits. A connection already
 * disabled stores nothing (as on its own URL) but is told why it will not work again.
 */
async function storeAndDisable(target: AppTarget, delivery: ParsedDelivery, headers: Record<string, string>, lastError: string): Promise<TargetOutcome> {
  return getDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; name: string }[]>`SELECT status::text AS status, name FROM "IntegrationConnection" WHERE id = ${target.id} FOR UPDATE`;
    if (!row) return "not_taken";
    if (row.status !== "active") {
      await tx.integrationConnection.update({ where: { id: target.id }, data: { lastError, lastErrorAt: new Date() } });
      return "not_taken";
    }
    const stored = await storeDelivery(target, delivery, headers, tx);
    if (stored === "duplicate") return stored;
    await tx.integrationConnection.update({ where: { id: target.id }, data: { status: "disabled", lastError, lastErrorAt: new Date() } });
    await recordAudit(tx, {
      orgId: target.orgId,
      actorType: "system",
      action: "integration.disabled",
      targetType: "integration",
      targetId: target.id,
      metadata: { provider: target.provider, name: row.name, reason: `${delivery.eventType}.${delivery.action ?? ""}`, deliveryId: delivery.deliveryId },
    });
    return stored;
  });
}

/** Enables a connection disabled with exactly `disabledWith` (locked, audited) and stores the delivery for it. */
async function enableAndStore(target: AppTarget, delivery: ParsedDelivery, headers: Record<string, string>, disabledWith: string): Promise<TargetOutcome> {
  return getDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; name: string; lastError: string | null }[]>`SELECT status::text AS status, name, "lastError" FROM "IntegrationConnection" WHERE id = ${target.id} FOR UPDATE`;
    if (!row || row.status !== "disabled" || row.lastError !== disabledWith) return "not_taken";
    await tx.integrationConnection.update({ where: { id: target.id }, data: { status: "active", lastError: null, lastErrorAt: null } });
    await recordAudit(tx, {
      orgId: target.orgId,
      actorType: "system",
      action: "integration.enabled",
      targetType: "integration",
      targetId: target.id,
      metadata: { provider: target.provider, name: row.name, reason: `${delivery.eventType}.${delivery.action ?? ""}`, deliveryId: delivery.deliveryId },
    });
    return storeDelivery(target, delivery, headers, tx);
  });
}
