// Turns the pipeline's request context into the domain's: only after authentication
// and org resolution succeeded, so a domain function always gets a real actor and org.
import { requestMeta } from "../auth/request-meta";
import type { Role } from "../authz/permissions";
import type { OrgContext, UserContext } from "../context";
import { Unauthorized } from "../errors";
import type { Actor as PipelineActor } from "./authenticate";
import type { OrgAccess } from "./org-access";

/** The parts of a route's context the domain context is made from. */
type PipelineContext = { actor: PipelineActor | null; access: OrgAccess | null; requestId: string; request: Request };

export function userContext(ctx: PipelineContext): UserContext {
  const actor = ctx.actor;
  if (!actor) throw new Unauthorized();
  // API keys act as the member who created them, external tokens as the admin who
  // registered their issuer (scopes narrow what they may do). SCIM tokens act for no one.
  if (actor.kind === "scim") throw new Unauthorized();
  const userId = actor.userId;
  if (!userId) throw new Unauthorized();
  return {
    actor: domainActor(actor, userId),
    requestId: ctx.requestId,
    ...requestMeta(ctx.request),
  };
}

export function orgContext(ctx: PipelineContext): OrgContext {
  if (!ctx.access) throw new Error("orgContext() needs a route under /orgs/[slug]");
  return { ...userContext(ctx), org: ctx.access.org, role: ctx.access.role as Role };
}

function domainActor(actor: Exclude<PipelineActor, { kind: "scim" }>, userId: string): UserContext["actor"] {
  if (actor.kind === "user") return { userId, type: "user" };
  if (actor.kind === "apiKey") return { userId, type: "api_key", apiKeyId: actor.apiKeyId };
  return { userId, type: "external_token", issuerId: actor.issuerId };
}
