// What SCIM domain functions know about the request: the directory's org and the
// request's identifiers for the audit log (provisioning actions are audit events whose
// actor is the directory, not a person).
import type { Prisma } from "../generated/prisma/client";
import type { AuditInput } from "../audit/record";

export type ScimContext = { orgId: string; slug: string; directoryId: string; requestId: string; ip: string | null; userAgent: string | null };

export function scimAudit(ctx: ScimContext, action: string, target: { type: string; id: string }, metadata: Prisma.InputJsonObject = {}): AuditInput {
  return {
    action,
    orgId: ctx.orgId,
    actorId: null,
    actorType: "scim",
    targetType: target.type,
    targetId: target.id,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
    metadata: { directoryId: ctx.directoryId, ...metadata },
  };
}
