// Signing a user in: a new session row and the Set-Cookie header that carries it.
import "server-only";
import type { Db, Tx } from "../db";
import { isSecureRequest, requestMeta } from "./request-meta";
import { sessionCookieHeader } from "./session-cookie";
import { createSession, type SessionMethod, type SsoAssertion } from "./sessions";

export async function startSession(
  db: Db | Tx,
  request: Request,
  userId: string,
  method: SessionMethod,
  ssoConnectionId?: string,
  ssoAssertion?: SsoAssertion,
): Promise<{ sessionId: string; setCookie: string }> {
  const meta = requestMeta(request);
  const session = await createSession(db, { userId, method, ip: meta.ip, userAgent: meta.userAgent, ssoConnectionId, ssoAssertion });
  return { sessionId: session.sessionId, setCookie: sessionCookieHeader(session.token, session.expires, isSecureRequest(request)) };
}
