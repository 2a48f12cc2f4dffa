// What a domain function knows about the request it serves: who acts, in which org,
// with which role, and the request's identifiers for the audit log. Built by the
// pipeline (lib/http/domain-context.ts); domain code never reads a Request.
import type { Role } from "./authz/permissions";

/** external_token: a trusted issuer's JWT, acting for the admin who registered the issuer. */
export type Actor = { userId: string; type: "user" | "api_key" | "external_token"; apiKeyId?: string; issuerId?: string };

export type RequestInfo = { requestId: string; ip: string | null; userAgent: string | null };

export type UserContext = RequestInfo & { actor: Actor };

export type OrgContext = UserContext & { org: { id: string; slug: string }; role: Role };

/** The audit-log fields every event written in this context carries. */
export function auditFields(ctx: UserContext | OrgContext) {
  return {
    actorId: ctx.actor.userId,
    actorType: ctx.actor.type,
    apiKeyId: ctx.actor.apiKeyId ?? null,
    orgId: "org" in ctx ? ctx.org.id : null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
  } as const;
}
