// Audit events: written in the same transaction as the change they describe, never
// updated. Metadata must not contain secrets; callers pass ids, not values.
import "server-only";
import type { Db, Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";

export type AuditInput = {
  action: string;
  orgId?: string | null;
  actorId?: string | null;
  actorType?: "user" | "api_key" | "external_token" | "scim" | "system";
  /** The key an api_key actor used (actorId is then its creator); kept in metadata.apiKeyId. */
  apiKeyId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  metadata?: Prisma.InputJsonObject;
};

export async function recordAudit(db: Db | Tx, event: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: event.action,
      orgId: event.orgId ?? null,
      actorId: event.actorId ?? null,
      actorType: event.actorType ?? (event.actorId ? "user" : "system"),
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ip: event.ip ?? null,
      userAgent: event.userAgent ?? null,
      requestId: event.requestId ?? null,
      metadata: event.apiKeyId ? { ...event.metadata, apiKeyId: event.apiKeyId } : (event.metadata ?? {}),
    },
  });
}
