// Shared by the account routes: the pipeline's signed-in caller as an AccountActor, and
// a JSON answer that also clears the session cookie (when the caller's session ended).
import type { Actor } from "@/lib/http/authenticate";
import { requestMeta } from "@/lib/auth/request-meta";
import { clearSessionCookieHeaders } from "@/lib/auth/session-cookie";
import { Unauthorized } from "@/lib/errors";
import type { AccountActor } from "@/lib/account/actor";

export function accountActor(ctx: { actor: Actor | null; request: Request; requestId: string }): AccountActor {
  if (ctx.actor?.kind !== "user") throw new Unauthorized();
  const meta = requestMeta(ctx.request);
  return { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId, ip: meta.ip, userAgent: meta.userAgent, requestId: ctx.requestId };
}

export function jsonClearingSession(body: object): Response {
  const headers = new Headers();
  for (const cookie of clearSessionCookieHeaders()) headers.append("set-cookie", cookie);
  return Response.json(body, { headers });
}
