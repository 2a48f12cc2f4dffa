// Audit events for refused uses of a known API key (revoked, expired, missing scope,
// another org's URL). Only keys that exist are recorded, so a flood of made-up keys writes
// nothing; and each key records a given refusal at most once a minute per process, so a
// script stuck in a retry loop cannot fill the audit log.
import "server-only";
import { recordAudit } from "../audit/record";
import { requestMeta } from "../auth/request-meta";
import { getDb } from "../db";
import { logger } from "../logger";

export type DenialReason = "revoked" | "expired" | "insufficient_scope" | "other_org";

type DeniedKey = { id: string; orgId: string; createdById: string | null };

const WINDOW_MS = 60_000;
const lastRecorded = new Map<string, number>();

export async function recordApiKeyDenial(request: Request, key: DeniedKey, reason: DenialReason, detail: Record<string, string> = {}): Promise<void> {
  const mark = `${key.id}:${reason}:${detail.permission ?? ""}`;
  const now = Date.now();
  if (now - (lastRecorded.get(mark) ?? 0) < WINDOW_MS) return;
  lastRecorded.set(mark, now);
  if (lastRecorded.size > 10_000) lastRecorded.clear();
  try {
    await recordAudit(getDb(), {
      action: "api_key.use_denied",
      orgId: key.orgId,
      actorId: key.createdById,
      actorType: "api_key",
      targetType: "api_key",
      targetId: key.id,
      ...requestMeta(request),
      metadata: { reason, ...detail },
    });
  } catch (error) {
    // The refusal stands whether or not it could be recorded.
    logger.warn({ err: (error as Error).message, apiKeyId: key.id }, "could not record an API key denial");
  }
}
