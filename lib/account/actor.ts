// Who is acting on an account, and where from: every audited account change carries it.
// Built by the route handler from the pipeline's context (domain code never sees a Request).
export type AccountActor = {
  userId: string;
  /** The session that made the request; "other sessions" means all but this one. */
  sessionId: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export function auditFields(actor: AccountActor) {
  return { actorId: actor.userId, ip: actor.ip, userAgent: actor.userAgent, requestId: actor.requestId };
}
